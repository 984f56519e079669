package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's /proc tells about a process, read the same way for the load generator itself and
 * for a server of any flavour (a JVM or Bun alike), so that the figures compare.
 */
public final class ProcFs {

    /** USER_HZ: the unit of the CPU times in /proc/PID/stat; 100 on every Linux that runs Java. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcFs() {
    }

    /** User + system CPU time of every thread of the process so far, in nanoseconds; -1 if unknown. */
    public static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid < 0 ? "self" : Long.toString(pid), "stat"),
                    StandardCharsets.US_ASCII);
            // Fields after the command name, which is in parentheses and may hold spaces:
            // state(3) ... utime(14) stime(15).
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time every CPU of the machine spent busy so far (user, nice, system, irq, softirq and
     * steal from the {@code cpu} line of /proc/stat), in nanoseconds; -1 if unknown.
     */
    public static long machineBusyNanos() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long ticks = 0;
                    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                        ticks += Long.parseLong(f[i]);
                    }
                    return ticks * (1_000_000_000L / TICKS_PER_SECOND);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }

    /** A field of /proc/PID/status in its own unit (kB for sizes, a count for Threads); -1 if unknown. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid < 0 ? "self" : Long.toString(pid), "status"),
                    StandardCharsets.US_ASCII)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }

    /** Resident set size in bytes; -1 if unknown. */
    static long rssBytes(long pid) {
        long kb = status(pid, "VmRSS");
        return kb < 0 ? -1 : kb * 1024;
    }

    /** The soft limit on open files of this process; -1 if unknown. */
    static long openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }
}
