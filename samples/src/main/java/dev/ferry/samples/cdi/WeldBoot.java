package dev.ferry.samples.cdi;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** The one class of the samples that touches Weld; loaded only when Weld is on the class path. */
final class WeldBoot {

    private WeldBoot() {
    }

    static AutoCloseable start() {
        // The sample's beans are listed rather than discovered: scanning the demo's jar would
        // walk every class of Tomcat and Jetty.
        WeldContainer weld = new Weld("ferry-samples").disableDiscovery()
                .addBeanClasses(GreetingCounter.class)
                .property("org.jboss.weld.se.shutdownHook", false)
                .initialize();
        return weld::shutdown;
    }
}
