package dev.ferry.benchmarks.load;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} or {@code --name=value} command line flags; unknown names are an error. */
final class Flags {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    Flags(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Expected --flag, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Flag " + arg + " needs a value");
            }
        }
    }

    String string(String name, String defaultValue) {
        read.add(name);
        return values.getOrDefault(name, defaultValue);
    }

    int integer(String name, int defaultValue) {
        return Integer.parseInt(string(name, Integer.toString(defaultValue)));
    }

    double decimal(String name, double defaultValue) {
        return Double.parseDouble(string(name, Double.toString(defaultValue)));
    }

    List<String> list(String name, String defaultValue) {
        return List.of(string(name, defaultValue).split(","));
    }

    /** Call after reading every flag: rejects the ones nobody asked for, which are typos. */
    void rejectUnknown() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown flags: " + unknown);
        }
    }
}
