package dev.ferry.samples.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the greetings of the whole server: one instance, shared by every connection. */
@ApplicationScoped
public class GreetingCounter {

    private final AtomicLong greetings = new AtomicLong();

    /** The number of this greeting, counting from 1. */
    public long next() {
        return greetings.incrementAndGet();
    }
}
