package dev.ferry.spring.boot;

import dev.ferry.config.FerrySettings;
import jakarta.servlet.ServletContext;
import java.util.Map;
import java.util.Objects;

/** Puts Ferry's settings into a servlet context as the init parameters its initializer reads. */
final class FerryInitParameters {

    private static final System.Logger LOG = System.getLogger(FerryInitParameters.class.getName());

    private FerryInitParameters() {
    }

    /** {@code maxFrameSize} → {@code dev.ferry.maxFrameSize}. */
    static String name(String setting) {
        return FerrySettings.PREFIX + setting;
    }

    /**
     * Sets each parameter. One the context already has (e.g. from
     * {@code server.servlet.context-parameters}, applied before any initializer) stays: the servlet
     * API cannot replace it, so a different Spring property is reported rather than lost silently.
     */
    static void apply(Map<String, String> parameters, ServletContext context) {
        parameters.forEach((name, value) -> {
            if (!context.setInitParameter(name, value) && !Objects.equals(context.getInitParameter(name), value)) {
                LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: the servlet context parameter " + name + "="
                        + context.getInitParameter(name) + " is already set and wins over the Spring property ("
                        + value + ")");
            }
        });
    }
}
