package dev.ferry.tck.support;

import java.time.Duration;

/** How long a test waits for anything the server or the network should do. */
public final class Deadline {

    /** Generous for a loaded 2-core machine; a healthy run answers in milliseconds. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    /** How long a test waits to be reasonably sure something does NOT happen. */
    public static final Duration QUIET = Duration.ofMillis(500);

    private Deadline() {
    }
}
