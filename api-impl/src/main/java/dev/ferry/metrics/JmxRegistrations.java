package dev.ferry.metrics;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The MBeans of one server container: a {@link ContainerMXBean} that claims the container's
 * number, and one {@link EndpointMetricsMXBean} per deployed endpoint, all unregistered by
 * {@link #unregisterAll()} at shutdown. A failure to register is logged, never fatal: metrics
 * must not stop an application from deploying.
 *
 * <p>Deployment and shutdown are rare and never touch the network, so one monitor guards the
 * list of names.
 */
public final class JmxRegistrations {

    public static final String DOMAIN = "dev.ferry";

    private static final System.Logger LOG = System.getLogger(JmxRegistrations.class.getName());

    private final MBeanServer server;
    private final String application;
    private final Map<String, EndpointMetrics> endpoints = new java.util.LinkedHashMap<>();
    private final List<ObjectName> registered = new ArrayList<>();
    private ObjectName containerName;
    private boolean closed;

    /** @param application the name that goes into the {@code application} key (the context path) */
    public JmxRegistrations(MBeanServer server, String application) {
        this.server = server;
        this.application = application == null || application.isEmpty() ? "/" : application;
    }

    /** Registers the MBean of one deployed endpoint (claiming the container's number first). */
    public synchronized void register(EndpointMetrics metrics) {
        if (closed) {
            return;
        }
        try {
            if (containerName == null) {
                containerName = claimContainerName();
            }
            ObjectName name = endpointName(containerName.getKeyProperty("container"), metrics.getPath());
            server.registerMBean(new javax.management.StandardMBean(metrics, EndpointMetricsMXBean.class, true), name);
            registered.add(name);
            endpoints.put(metrics.getPath(), metrics);
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "Ferry WebSocket: the JMX metrics of " + metrics.getPath() + " in " + application
                    + " could not be registered", e);
        }
    }

    /**
     * Registers {@code mbean} (implementing {@code view}) as
     * {@code dev.ferry:type=<type>,application=...,container=<n>} plus {@code key=<quoted value>}
     * when {@code key} is given, claiming the container's number first.
     *
     * @return its name, to {@link #unregister} it; null when it could not be registered (logged)
     *         or this container is closed
     */
    public synchronized <T> ObjectName register(String type, String key, String value, T mbean, Class<T> view) {
        if (closed) {
            return null;
        }
        try {
            if (containerName == null) {
                containerName = claimContainerName();
            }
            ObjectName name = new ObjectName(DOMAIN + ":type=" + type + ",application=" + ObjectName.quote(application)
                    + ",container=" + containerName.getKeyProperty("container")
                    + (key == null ? "" : "," + key + "=" + ObjectName.quote(value)));
            server.registerMBean(new javax.management.StandardMBean(mbean, view, true), name);
            registered.add(name);
            return name;
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "Ferry WebSocket: the JMX view " + type + (key == null ? "" : " " + value) + " in "
                    + application + " could not be registered", e);
            return null;
        }
    }

    /** Unregisters one MBean that {@link #register(String, String, String, Object, Class)} registered. */
    public synchronized void unregister(ObjectName name) {
        if (name == null || !registered.remove(name)) {
            return;
        }
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // Already gone: nothing to do.
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "Ferry WebSocket: could not unregister " + name, e);
        }
    }

    /** Unregisters every MBean of this container; later registrations are ignored. Idempotent. */
    public synchronized void unregisterAll() {
        closed = true;
        if (containerName != null) {
            registered.add(containerName);
        }
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (InstanceNotFoundException e) {
                // Already gone (someone else unregistered it): nothing to do.
            } catch (JMException | RuntimeException e) {
                LOG.log(Level.WARNING, "Ferry WebSocket: could not unregister " + name, e);
            }
        }
        registered.clear();
        endpoints.clear();
        containerName = null;
    }

    /** The container MBean's name, registered under the lowest number not taken yet. */
    private ObjectName claimContainerName() throws JMException {
        ContainerMXBean view = new ContainerMXBean() {
            @Override
            public String getApplication() {
                return application;
            }

            @Override
            public List<String> getEndpointPaths() {
                synchronized (JmxRegistrations.this) {
                    return List.copyOf(endpoints.keySet());
                }
            }
        };
        for (int number = 1; ; number++) {
            ObjectName name = new ObjectName(DOMAIN + ":type=Container,application=" + ObjectName.quote(application)
                    + ",container=" + number);
            try {
                // The MBean server decides atomically: whoever registers a number first owns it.
                server.registerMBean(new javax.management.StandardMBean(view, ContainerMXBean.class, true), name);
                return name;
            } catch (InstanceAlreadyExistsException taken) {
                // Another container of the same application name holds this number: try the next.
            }
        }
    }

    private ObjectName endpointName(String container, String path) throws JMException {
        return new ObjectName(DOMAIN + ":type=Endpoint,application=" + ObjectName.quote(application)
                + ",container=" + container + ",path=" + ObjectName.quote(path));
    }
}
