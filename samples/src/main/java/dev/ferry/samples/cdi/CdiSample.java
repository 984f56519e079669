package dev.ferry.samples.cdi;

/**
 * Starts the CDI sample's container when Weld is on the class path. Touches no Weld or CDI class
 * itself: {@link WeldBoot} is loaded only after Weld proved visible.
 */
public final class CdiSample {

    private CdiSample() {
    }

    /** Whether Weld SE can be started here. */
    public static boolean weldVisible() {
        try {
            Class.forName("org.jboss.weld.environment.se.Weld", false, CdiSample.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts a Weld SE container with the sample's beans; closing it stops the container.
     *
     * @throws IllegalStateException when Weld is not on the class path
     */
    public static AutoCloseable startWeld() {
        if (!weldVisible()) {
            throw new IllegalStateException("Weld SE (org.jboss.weld.se:weld-se-core) is not on the class path");
        }
        return WeldBoot.start();
    }
}
