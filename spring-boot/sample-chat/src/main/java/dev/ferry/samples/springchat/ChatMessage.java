package dev.ferry.samples.springchat;

/** What a member says, as JSON: {@code {"name": "...", "text": "..."}}. */
public record ChatMessage(String name, String text) {
}
