package dev.ferry.benchmarks.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the usual command line ({@code -f 1 -wi 1 -i 1 FrameParse} ...) and then prints
 * every benchmark's "bytes" counter as GB/s (10^9 bytes per second), with the ratio of each Ferry
 * benchmark to the baseline of the same class and parameters (its {@code naive*} method).
 */
public final class GbPerSecondReport {

    private static final String BYTES_COUNTER = "bytes";
    /** The baseline of a class is its method named so ({@code naiveByteLoop}, {@code naivePerMessage}). */
    private static final String BASELINE_PREFIX = "naive";

    private GbPerSecondReport() {
    }

    public static void main(String[] args) throws RunnerException {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Bad JMH options: " + e.getMessage());
            System.exit(2);
            return;
        }
        Collection<RunResult> results = new Runner(options).run();
        print(results);
    }

    static void print(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            Result<?> bytes = r.getSecondaryResults().get(BYTES_COUNTER);
            if (bytes == null) {
                continue;
            }
            String full = r.getParams().getBenchmark();
            int dot = full.lastIndexOf('.');
            String clazz = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            StringBuilder params = new StringBuilder();
            for (String key : r.getParams().getParamsKeys()) {
                params.append(params.length() == 0 ? "" : " ").append(key).append('=').append(r.getParams().getParam(key));
            }
            rows.add(new Row(clazz, full.substring(dot + 1), params.toString(),
                    bytes.getScore() / 1e9, bytes.getScoreError() / 1e9));
        }
        System.out.println();
        System.out.println("GB/s (10^9 payload bytes per second, one thread; ratio = this / the class's "
                + BASELINE_PREFIX + "* baseline)");
        System.out.printf(Locale.ROOT, "%-26s %-16s %-22s %10s %9s %8s%n",
                "class", "method", "params", "GB/s", "+-", "ratio");
        for (Row row : rows) {
            Row baseline = rows.stream()
                    .filter(b -> b.clazz.equals(row.clazz) && b.params.equals(row.params) && b.method.startsWith(BASELINE_PREFIX))
                    .findFirst().orElse(null);
            String ratio = baseline == null || baseline.gbps == 0 ? "" : String.format(Locale.ROOT, "%.2fx", row.gbps / baseline.gbps);
            System.out.printf(Locale.ROOT, "%-26s %-16s %-22s %10.3f %9.3f %8s%n",
                    row.clazz, row.method, row.params, row.gbps, row.error, ratio);
        }
    }

    private record Row(String clazz, String method, String params, double gbps, double error) {
    }
}
