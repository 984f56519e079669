package dev.ferry.servlet.route;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How one container's servlet upgrade is carried out: found once at the application's start, asked
 * for every connection that takes the servlet upgrade, before {@code HttpServletRequest.upgrade}.
 *
 * <p>In this package, public, for the same reasons as {@link UpgradeRoute}.
 */
public interface ServletUpgradeProfile {

    /** The servlet upgrade as the Servlet specification describes it (Tomcat, Jetty, unknown containers). */
    ServletUpgradeProfile AS_IS = new ServletUpgradeProfile() {
        @Override
        public ServletUpgradeOptions options(HttpServletRequest request) {
            return ServletUpgradeOptions.AS_IS;
        }

        @Override
        public String description() {
            return "";
        }
    };

    /** What the upgrade of {@code request}'s connection must do differently; never null. */
    ServletUpgradeOptions options(HttpServletRequest request);

    /**
     * What the log adds to the servlet upgrade's name, e.g. {@code ", callbacks on Undertow's worker
     * threads"}; empty when nothing differs.
     */
    String description();
}
