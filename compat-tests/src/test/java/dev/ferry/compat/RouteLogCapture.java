package dev.ferry.compat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what Ferry's servlet bridge logs (through {@code System.Logger}, which without another
 * logging back end writes to {@code java.util.logging}), for tests to check which route was said.
 */
final class RouteLogCapture extends Handler implements AutoCloseable {

    private static final String BRIDGE_LOGGERS = "dev.ferry.servlet";

    private final Logger logger = Logger.getLogger(BRIDGE_LOGGERS);
    private final List<String> messages = new CopyOnWriteArrayList<>();

    RouteLogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** @return the messages logged at {@code level} so far */
    List<String> at(Level level) {
        return messages.stream().filter(m -> m.startsWith(level.getName() + " ")).map(m -> m.substring(
                level.getName().length() + 1)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getLevel().getName() + " " + record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
