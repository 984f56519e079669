package dev.ferry.spring.boot.it.app;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Controller;

/** /app/chat → /topic/chat, as a chat room relays what one member says to all. */
@Controller
public class ChatController {

    @MessageMapping("/chat")
    @SendTo("/topic/chat")
    public String relay(String text) {
        return "relayed: " + text;
    }
}
