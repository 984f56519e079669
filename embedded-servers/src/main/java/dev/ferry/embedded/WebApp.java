package dev.ferry.embedded;

import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A web application built in code, as a container would set one up from a WAR: initializers with
 * the classes they were handed, context init parameters (visible to the initializers, as
 * {@code <context-param>}s are), servlets, and a default servlet at {@code /}.
 */
public final class WebApp {

    /** A servlet and the URL patterns mapped to it. */
    public record Servlet(String name, HttpServlet servlet, List<String> mappings) {
        public Servlet {
            mappings = List.copyOf(mappings);
            if (mappings.isEmpty()) {
                throw new IllegalArgumentException("servlet " + name + " needs at least one mapping");
            }
        }
    }

    private final List<Initializer> initializers;
    private final Map<String, String> initParameters;
    private final List<Servlet> servlets;
    private final HttpServlet defaultServlet;
    private final boolean httpSessions;

    private WebApp(Builder b) {
        initializers = List.copyOf(b.initializers);
        initParameters = Map.copyOf(b.initParameters);
        servlets = List.copyOf(b.servlets);
        defaultServlet = b.defaultServlet;
        httpSessions = b.httpSessions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** In the order they run. */
    public List<Initializer> initializers() {
        return initializers;
    }

    public Map<String, String> initParameters() {
        return initParameters;
    }

    public List<Servlet> servlets() {
        return servlets;
    }

    /** Mapped to {@code /}. */
    public HttpServlet defaultServlet() {
        return defaultServlet;
    }

    /** Whether the application has HTTP sessions (Tomcat's always do; Jetty adds a session handler for them). */
    public boolean httpSessions() {
        return httpSessions;
    }

    public static final class Builder {
        private final List<Initializer> initializers = new ArrayList<>();
        private final Map<String, String> initParameters = new LinkedHashMap<>();
        private final List<Servlet> servlets = new ArrayList<>();
        private HttpServlet defaultServlet = new NotFoundServlet();
        private boolean httpSessions = true;

        private Builder() {
        }

        /** Runs after the initializers added before it. */
        public Builder initializer(Initializer initializer) {
            initializers.add(initializer);
            return this;
        }

        public Builder initializers(List<Initializer> more) {
            initializers.addAll(more);
            return this;
        }

        /** A context init parameter, set before any initializer runs. */
        public Builder initParameter(String name, String value) {
            initParameters.put(name, value);
            return this;
        }

        public Builder initParameters(Map<String, String> more) {
            initParameters.putAll(more);
            return this;
        }

        public Builder servlet(String name, HttpServlet servlet, String... mappings) {
            servlets.add(new Servlet(name, servlet, List.of(mappings)));
            return this;
        }

        /** Replaces the {@link NotFoundServlet} at {@code /}. */
        public Builder defaultServlet(HttpServlet servlet) {
            defaultServlet = servlet;
            return this;
        }

        /** {@code false}: no session handler in Jetty (its default for a plain servlet context). */
        public Builder httpSessions(boolean enabled) {
            httpSessions = enabled;
            return this;
        }

        public WebApp build() {
            return new WebApp(this);
        }
    }
}
