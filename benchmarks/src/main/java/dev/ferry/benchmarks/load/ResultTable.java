package dev.ferry.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects every round's metrics per server flavour and renders medians as a Markdown table. */
final class ResultTable {

    private final List<String> servers;
    private final String reference;
    /** metric key ("scenario name") to server to the values of the rounds, in first-seen order. */
    private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    ResultTable(List<String> servers, String reference) {
        this.servers = servers;
        this.reference = reference;
    }

    void add(String server, Metric m) {
        String key = m.scenario() + " " + m.name();
        units.put(key, m.unit());
        values.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(server, s -> new ArrayList<>())
                .add(m.value());
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("| metric | unit |");
        for (String s : servers) {
            sb.append(' ').append(s).append(" |");
        }
        for (String s : servers) {
            if (!s.equals(reference)) {
                sb.append(' ').append(s).append(" / ").append(reference).append(" |");
            }
        }
        sb.append("\n|---|---|");
        sb.append("---:|".repeat(servers.size() * 2 - (servers.contains(reference) ? 1 : 0)));
        sb.append('\n');
        for (Map.Entry<String, Map<String, List<Double>>> row : values.entrySet()) {
            boolean errors = row.getKey().endsWith(" errors") || row.getKey().endsWith(" failed")
                    || row.getKey().endsWith(" noisy_rounds");
            sb.append("| ").append(row.getKey()).append(" | ").append(units.get(row.getKey())).append(" |");
            for (String s : servers) {
                List<Double> v = row.getValue().get(s);
                sb.append(' ').append(v == null ? "-" : errors ? format(sum(v)) : format(median(v))).append(" |");
            }
            List<Double> ref = row.getValue().get(reference);
            for (String s : servers) {
                if (s.equals(reference)) {
                    continue;
                }
                List<Double> v = row.getValue().get(s);
                String ratio = errors || v == null || ref == null || median(ref) == 0 || Double.isNaN(median(ref))
                        ? "" : ratio(median(v) / median(ref));
                sb.append(' ').append(ratio).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\n(errors, noisy_rounds: total over all rounds; every other cell: median of the rounds kept)\n");
        return sb.toString();
    }

    /** Two decimals, or three significant digits for ratios far below 1 (heap sizes can differ 1000-fold). */
    private static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 0.1 ? "%.2fx" : "%.3gx", r);
    }

    /** Median of the rounds that produced a value (a failed round reports NaN). */
    static double median(List<Double> v) {
        List<Double> sorted = new ArrayList<>(v);
        sorted.removeIf(d -> d.isNaN());
        sorted.sort(null);
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double sum(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String format(double d) {
        if (Double.isNaN(d)) {
            return "n/a";
        }
        return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
