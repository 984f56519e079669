package dev.ferry.samples.springchat;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Controller;

/** Relays what a member says to the whole room, names trimmed and text limited to a chat line. */
@Controller
public class ChatController {

    static final int MAX_TEXT = 500;

    @MessageMapping("/say")
    @SendTo("/topic/messages")
    public ChatMessage say(ChatMessage message) {
        String name = message.name() == null || message.name().isBlank() ? "anonymous" : message.name().trim();
        String text = message.text() == null ? "" : message.text();
        return new ChatMessage(name, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
    }
}
