package dev.ferry.benchmarks.load;

import java.util.Locale;

/** One measured value, printed by the load generator as a {@code RESULT} line. */
record Metric(String scenario, String name, double value, String unit) {

    static final String PREFIX = "RESULT";

    String line() {
        return String.format(Locale.ROOT, "%s %s %s %.3f %s", PREFIX, scenario, name, value, unit);
    }

    /** Parses {@link #line()}; {@code null} if the line is something else. */
    static Metric parse(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 5 || !parts[0].equals(PREFIX)) {
            return null;
        }
        return new Metric(parts[1], parts[2], Double.parseDouble(parts[3]), parts[4]);
    }
}
