package dev.ferry.benchmarks.load;

import java.net.InetSocketAddress;
import java.util.List;

/** One load pattern against a running server. */
interface Scenario {

    String name();

    /**
     * Runs to completion within its own deadlines and returns what it measured, including an
     * {@code errors} count: connections that failed or echoes that were wrong.
     */
    List<Metric> run(InetSocketAddress server) throws Exception;
}
