package dev.ferry.samples.springchat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A chat room over STOMP: the page at {@code /} connects to {@code /chat}, subscribes to
 * {@code /topic/messages} and sends to {@code /app/say}. Ferry serves the WebSockets through its
 * Spring Boot starter; the application itself is plain Spring.
 */
@SpringBootApplication
public class ChatApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatApplication.class, args);
    }
}
