package dev.ferry.benchmarks.load;

/** Counts a scenario's failures and keeps the first few for the log. */
final class ErrorLog {

    private static final int PRINTED = 3;

    private final String scenario;
    private int count;

    ErrorLog(String scenario) {
        this.scenario = scenario;
    }

    void add(ClientConnection connection, Exception e) {
        if (count++ < PRINTED) {
            System.err.println(scenario + ": " + connection + ": " + e);
        }
    }

    void add(String problem) {
        if (count++ < PRINTED) {
            System.err.println(scenario + ": " + problem);
        }
    }

    int count() {
        return count;
    }

    Metric metric() {
        return new Metric(scenario, "errors", count, "count");
    }
}
