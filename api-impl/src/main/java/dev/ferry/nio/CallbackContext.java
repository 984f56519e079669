package dev.ferry.nio;

/**
 * What a connection's callbacks run inside, on the worker thread that runs them: for a server
 * connection, the web application as the servlet container binds it for its own threads (its
 * class loader as the context class loader, and in Tomcat its JNDI context). Entered once per
 * run of callbacks, not per callback.
 */
public interface CallbackContext {

    /** Runs callbacks as they come: a client's, or tests'. */
    CallbackContext NONE = new CallbackContext() {
        @Override
        public Object enter() {
            return null;
        }

        @Override
        public void exit(Object saved) {
        }
    };

    /**
     * Binds the calling thread to the context.
     *
     * @return what {@link #exit} needs to restore the thread as it was
     */
    Object enter();

    /** Restores the calling thread as {@link #enter} found it. */
    void exit(Object saved);

    /** The context of an application whose callbacks need only its class loader. */
    static CallbackContext classLoader(ClassLoader loader) {
        return new CallbackContext() {
            @Override
            public Object enter() {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                return previous;
            }

            @Override
            public void exit(Object saved) {
                Thread.currentThread().setContextClassLoader((ClassLoader) saved);
            }
        };
    }
}
