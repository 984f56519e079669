package dev.ferry.engine.deflate;

import java.util.ArrayDeque;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Container-wide spare compressors, for connections without context takeover: they need zlib
 * state only while a message passes, so they borrow it here and an idle connection holds none.
 * At most {@code maxIdle} of each kind are kept; the rest are ended at once.
 */
public final class ZlibPool implements AutoCloseable {

    private final int level;
    private final int maxIdle;
    private final ArrayDeque<Deflater> deflaters = new ArrayDeque<>();
    private final ArrayDeque<Inflater> inflaters = new ArrayDeque<>();
    private boolean closed;

    public ZlibPool(int level, int maxIdle) {
        this.level = level;
        this.maxIdle = maxIdle;
    }

    public int level() {
        return level;
    }

    synchronized Deflater takeDeflater() {
        Deflater d = deflaters.poll();
        return d != null ? d : new Deflater(level, true);
    }

    synchronized Inflater takeInflater() {
        Inflater i = inflaters.poll();
        return i != null ? i : new Inflater(true);
    }

    void giveBack(Deflater d) {
        d.reset();
        synchronized (this) {
            if (!closed && deflaters.size() < maxIdle) {
                deflaters.push(d);
                return;
            }
        }
        d.end();
    }

    void giveBack(Inflater i) {
        i.reset();
        synchronized (this) {
            if (!closed && inflaters.size() < maxIdle) {
                inflaters.push(i);
                return;
            }
        }
        i.end();
    }

    @Override
    public synchronized void close() {
        closed = true;
        deflaters.forEach(Deflater::end);
        inflaters.forEach(Inflater::end);
        deflaters.clear();
        inflaters.clear();
    }
}
