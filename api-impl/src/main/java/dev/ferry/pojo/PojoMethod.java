package dev.ferry.pojo;

import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/** An annotated method ready to call: a method handle and one resolver per parameter. */
final class PojoMethod {

    private final Method method;
    /** Takes {@code Object[]{instance, arg0, ...}} and returns the result boxed, or null for void. */
    private final MethodHandle invoker;
    private final ParameterResolver[] resolvers;

    private PojoMethod(Method method, MethodHandle invoker, ParameterResolver[] resolvers) {
        this.method = method;
        this.invoker = invoker;
        this.resolvers = resolvers;
    }

    /**
     * Prepares {@code method} for calls.
     *
     * @throws IllegalAccessException when the method cannot be reached, e.g. it is public but
     *         declared in a class that is not, in a module that does not open it
     */
    static PojoMethod of(Method method, ParameterResolver[] resolvers) throws IllegalAccessException {
        MethodHandle handle = unreflect(method);
        int arity = resolvers.length + 1;
        MethodHandle invoker = handle.asType(MethodType.genericMethodType(arity)).asSpreader(Object[].class, arity);
        return new PojoMethod(method, invoker, resolvers.clone());
    }

    private static MethodHandle unreflect(Method method) throws IllegalAccessException {
        try {
            return MethodHandles.publicLookup().unreflect(method);
        } catch (IllegalAccessException notPubliclyReachable) {
            // A public method inherited from a package-private base class is legal for an endpoint
            // but not reachable through publicLookup.
            if (!method.trySetAccessible()) {
                throw notPubliclyReachable;
            }
            return MethodHandles.lookup().unreflect(method);
        }
    }

    Method method() {
        return method;
    }

    /** Calls the method; exceptions thrown by the method itself come out unwrapped. */
    Object invoke(Object instance, CallContext context) throws Throwable {
        Object[] arguments = new Object[resolvers.length + 1];
        arguments[0] = instance;
        for (int i = 0; i < resolvers.length; i++) {
            arguments[i + 1] = resolvers[i].resolve(context);
        }
        return (Object) invoker.invokeExact(arguments);
    }

    /**
     * This {@code @OnMessage} method of {@code endpoint}'s instance as the handler its session
     * calls (whole or in parts): each message becomes one call, what the method returns is sent
     * back, and what it throws goes to the endpoint's {@code @OnError}.
     */
    Bound bind(PojoEndpoint endpoint, Session session) {
        return new Bound(endpoint, session);
    }

    /**
     * A message method bound to one endpoint and its session. It keeps only those two: every
     * session holds one per message method for its whole life, so it stays small.
     */
    final class Bound implements MessageHandler.Whole<Object>, MessageHandler.Partial<Object> {
        private final PojoEndpoint endpoint;
        private final Session session;

        private Bound(PojoEndpoint endpoint, Session session) {
            this.endpoint = endpoint;
            this.session = session;
        }

        @Override
        public void onMessage(Object message) {
            onMessage(message, true);
        }

        @Override
        public void onMessage(Object message, boolean last) {
            Object result;
            try {
                result = invoke(endpoint.instance(), endpoint.messageContext(session, message, last));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                endpoint.messageFailed(session, t);
                return;
            }
            if (result != null) {
                try {
                    ReturnValueSender.send(session.getBasicRemote(), result);
                } catch (Exception e) {
                    endpoint.messageFailed(session, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return ProblemCollector.describe(method);
    }
}
