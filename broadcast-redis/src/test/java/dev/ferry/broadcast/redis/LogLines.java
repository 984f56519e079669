package dev.ferry.broadcast.redis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines the relay logs while a test runs (through java.util.logging, where System.Logger goes by default). */
final class LogLines extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger(RedisRelay.class.getName());
    final List<String> lines = new CopyOnWriteArrayList<>();

    LogLines() {
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
    }

    boolean has(String level, String text) {
        return lines.stream().anyMatch(l -> l.startsWith(level + " ") && l.contains(text));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
