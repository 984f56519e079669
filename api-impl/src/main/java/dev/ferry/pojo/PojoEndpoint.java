package dev.ferry.pojo;

import dev.ferry.message.MessageKind;
import dev.ferry.session.SessionCounters;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;
import java.util.Objects;

/**
 * Adapts one instance of an annotated endpoint class to {@link Endpoint} for one session: it
 * registers a message handler per {@code @OnMessage} method through the ordinary Session API and
 * calls the lifecycle methods. A failure in any annotated method is passed to the
 * {@code @OnError} method; one in {@code @OnError} itself is logged, never rethrown, so that
 * error handling cannot loop.
 */
public final class PojoEndpoint extends Endpoint {

    private final Object instance;
    private final PojoMetadata metadata;
    private final Map<String, String> pathParameters;
    private final SessionCounters counters;

    /** Set in {@link #onOpen}, before any handler is registered, so handlers always see it. */
    private volatile EndpointConfig config;

    public PojoEndpoint(Object instance, PojoMetadata metadata, Map<String, String> pathParameters) {
        this(instance, metadata, pathParameters, SessionCounters.NONE);
    }

    /**
     * @param counters where the errors this adapter catches itself (in annotated methods) are
     *                 counted; those the engine reports through {@link #onError} are counted there
     */
    public PojoEndpoint(Object instance, PojoMetadata metadata, Map<String, String> pathParameters,
            SessionCounters counters) {
        this.counters = counters;
        this.instance = Objects.requireNonNull(instance, "instance");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.pathParameters = pathParameters == null || pathParameters.isEmpty() ? Map.of() : Map.copyOf(pathParameters);
    }

    /** The application's endpoint object. */
    public Object instance() {
        return instance;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.config = config;
        applyMaxMessageSizes(session);
        try {
            for (MessageMethod method : metadata.messageMethods()) {
                register(session, method);
            }
        } catch (RuntimeException e) {
            failed(session, e);
            return;
        }
        PojoMethod onOpen = metadata.onOpen();
        if (onOpen != null) {
            call(session, onOpen, CallContext.open(session, config, pathParameters));
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        PojoMethod onClose = metadata.onClose();
        if (onClose != null) {
            call(session, onClose, CallContext.close(session, config, pathParameters, closeReason));
        }
    }

    @Override
    public void onError(Session session, Throwable thr) {
        handleError(session, unwrap(thr));
    }

    private void applyMaxMessageSizes(Session session) {
        int text = metadata.maxMessageSize(MessageKind.TEXT);
        if (text >= 0) {
            session.setMaxTextMessageBufferSize(text);
        }
        int binary = metadata.maxMessageSize(MessageKind.BINARY);
        if (binary >= 0) {
            session.setMaxBinaryMessageBufferSize(binary);
        }
    }

    @SuppressWarnings("unchecked")
    private void register(Session session, MessageMethod method) {
        Class<Object> type = (Class<Object>) method.messageType();
        PojoMethod.Bound call = method.method().bind(this, session);
        if (method.partial()) {
            session.addMessageHandler(type, (MessageHandler.Partial<Object>) call);
        } else {
            session.addMessageHandler(type, (MessageHandler.Whole<Object>) call);
        }
    }

    /** What a message method of this endpoint is called with. */
    CallContext messageContext(Session session, Object message, boolean last) {
        return CallContext.message(session, config, pathParameters, message, last);
    }

    /** A message method threw, or sending what it returned failed: on to {@code @OnError}. */
    void messageFailed(Session session, Throwable failure) {
        failed(session, unwrap(failure));
    }

    /** Calls an annotated method; whatever it throws goes to {@code @OnError}. Returns its result or null. */
    private Object call(Session session, PojoMethod method, CallContext context) {
        try {
            return method.invoke(instance, context);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            failed(session, unwrap(t));
            return null;
        }
    }

    /** An error caught here rather than reported by the engine: counted, then handled. */
    private void failed(Session session, Throwable error) {
        counters.errorReported();
        handleError(session, error);
    }

    private void handleError(Session session, Throwable error) {
        PojoMethod onError = metadata.onError();
        if (onError == null) {
            metadata.log().log(System.Logger.Level.WARNING, "Endpoint " + metadata.endpointClass().getName()
                    + " has no @OnError method; error in session " + sessionId(session), error);
            return;
        }
        try {
            onError.invoke(instance, CallContext.error(session, config, pathParameters, error));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            if (t != error) {
                t.addSuppressed(error);
            }
            metadata.log().log(System.Logger.Level.WARNING, "The @OnError method " + onError + " threw while handling an error"
                    + " in session " + sessionId(session), t);
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String sessionId(Session session) {
        try {
            return session == null ? "(none)" : session.getId();
        } catch (RuntimeException e) {
            return "(unknown)";
        }
    }
}
