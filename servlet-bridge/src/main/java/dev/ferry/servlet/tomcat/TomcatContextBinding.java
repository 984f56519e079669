package dev.ferry.servlet.tomcat;

import dev.ferry.nio.CallbackContext;
import org.apache.tomcat.ContextBind;

/**
 * Binds callback threads to the web application as Tomcat binds its own (class loader, JNDI),
 * through Tomcat's {@link ContextBind}.
 *
 * <p>Why two forms: Tomcat 11 has {@code bind(ClassLoader)}/{@code unbind(ClassLoader)}; Tomcat
 * 10.1 has only {@code bind(boolean usePrivilegedAction, ClassLoader)} and its {@code unbind}. A
 * call compiled against the other form links only when it first runs, on a connector thread in
 * the middle of a delivery: a {@code NoSuchMethodError} there kills the delivery and loses every
 * message. So the form is chosen once, from the interface Tomcat actually loaded, before the
 * first connection is taken over; each form is a class of its own whose calls are plain
 * interface calls, and the form not chosen is never run.
 */
final class TomcatContextBinding {

    /** Which form this Tomcat's {@link ContextBind} has; null when neither (see {@link #UNAVAILABLE}). */
    private static final Form FORM = Form.detect();
    /** Why no form was found, for the log; null when one was. */
    private static final Throwable UNAVAILABLE = FORM == null ? Form.whyNone() : null;

    private TomcatContextBinding() {
    }

    /** @return null when Tomcat's context binding can be used, else what is missing */
    static Throwable unavailable() {
        return UNAVAILABLE;
    }

    /** @return a description of the form in use, e.g. {@code ContextBind.bind(ClassLoader)} */
    static String form() {
        return FORM == null ? "none" : FORM.signature;
    }

    /**
     * @param bind the upgraded connection's binding (null when Tomcat gave none: callbacks then
     *             get only the application's class loader)
     */
    static CallbackContext of(ContextBind bind, ClassLoader applicationLoader) {
        if (bind == null || FORM == null) {
            return CallbackContext.classLoader(applicationLoader);
        }
        return FORM == Form.CLASS_LOADER ? new ClassLoaderForm(bind) : new PrivilegedFlagForm(bind);
    }

    private enum Form {
        /** Tomcat 11 and later. */
        CLASS_LOADER("ContextBind.bind(ClassLoader)"),
        /** Tomcat 10.1 (and 11, which keeps it deprecated). */
        PRIVILEGED_FLAG("ContextBind.bind(boolean, ClassLoader)");

        final String signature;

        Form(String signature) {
            this.signature = signature;
        }

        static Form detect() {
            if (has(ClassLoader.class)) {
                return CLASS_LOADER;
            }
            if (has(boolean.class, ClassLoader.class)) {
                return PRIVILEGED_FLAG;
            }
            return null;
        }

        private static boolean has(Class<?>... parameters) {
            try {
                ContextBind.class.getMethod("bind", parameters);
                ContextBind.class.getMethod("unbind", parameters);
                return true;
            } catch (NoSuchMethodException | LinkageError | SecurityException e) {
                return false;
            }
        }

        static Throwable whyNone() {
            return new NoSuchMethodException("org.apache.tomcat.ContextBind has neither bind(ClassLoader) "
                    + "nor bind(boolean, ClassLoader); its methods: "
                    + java.util.Arrays.toString(ContextBind.class.getMethods()));
        }
    }

    /** {@code bind(ClassLoader)}: Tomcat 11 and later. */
    private record ClassLoaderForm(ContextBind bind) implements CallbackContext {
        @Override
        public Object enter() {
            return bind.bind(null);
        }

        @Override
        public void exit(Object saved) {
            bind.unbind((ClassLoader) saved);
        }
    }

    /**
     * {@code bind(boolean, ClassLoader)}: Tomcat 10.1. No privileged action: Ferry's threads run
     * Ferry's code, not the application's, when they bind.
     */
    private record PrivilegedFlagForm(ContextBind bind) implements CallbackContext {
        @SuppressWarnings("deprecation") // Tomcat 11 deprecates this form; Tomcat 10.1 has no other
        @Override
        public Object enter() {
            return bind.bind(false, null);
        }

        @SuppressWarnings("deprecation")
        @Override
        public void exit(Object saved) {
            bind.unbind(false, (ClassLoader) saved);
        }
    }
}
