package dev.ferry.metrics;

import java.util.List;

/**
 * One Ferry server container in JMX,
 * {@code dev.ferry:type=Container,application="<context path>",container=<n>}. Its registration
 * claims the number {@code n} that tells containers of the same application name apart (two
 * servers in one JVM, or a redeployed application), so its endpoints' names never clash.
 */
public interface ContainerMXBean {

    /** The application's name as in the ObjectName: its context path, {@code /} for the root. */
    String getApplication();

    /** The paths (templates) of the endpoints registered in JMX. */
    List<String> getEndpointPaths();
}
