package dev.ferry.benchmarks.servers;

import jakarta.servlet.ServletContainerInitializer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A servlet container started in-process with one web application at the root context. */
interface EmbeddedContainer {

    /**
     * Starts listening on {@code host:port} (0 for any free port) with a root web application
     * that runs {@code initializers} as if it had scanned {@code scannedClasses}, and serves
     * {@link HeapStatsServlet} at {@code /stats}, with {@code initParameters} as context init parameters.
     */
    void start(String host, int port, List<ServletContainerInitializer> initializers, Set<Class<?>> scannedClasses,
            Map<String, String> initParameters) throws Exception;

    /** The port actually bound, after {@link #start}. */
    int port();

    void stop() throws Exception;
}
