package dev.ferry.pojo;

import dev.ferry.message.DecoderSet;
import dev.ferry.message.EncoderSet;
import dev.ferry.message.MessageKind;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the container learns from an annotated endpoint class, once, at deployment: whether it is
 * valid, and how to call each of its methods. Immutable, so one instance serves every session.
 */
public final class PojoMetadata {

    private final Class<?> endpointClass;
    /** Looked up once per endpoint class: a lookup per session costs every handshake. */
    private final System.Logger log;
    private final List<Class<? extends Decoder>> decoders;
    private final List<Class<? extends Encoder>> encoders;
    private final PojoMethod onOpen;
    private final PojoMethod onClose;
    private final PojoMethod onError;
    private final List<MessageMethod> messageMethods;
    private final Map<MessageKind, MessageMethod> messageMethodsByKind;

    private PojoMetadata(Class<?> endpointClass, List<Class<? extends Decoder>> decoders,
            List<Class<? extends Encoder>> encoders, Map<Class<?>, PojoMethod> lifecycle,
            List<MessageMethod> messageMethods, Map<MessageKind, MessageMethod> messageMethodsByKind) {
        this.endpointClass = endpointClass;
        this.log = System.getLogger(endpointClass.getName());
        this.decoders = decoders;
        this.encoders = encoders;
        this.onOpen = lifecycle.get(OnOpen.class);
        this.onClose = lifecycle.get(OnClose.class);
        this.onError = lifecycle.get(OnError.class);
        this.messageMethods = List.copyOf(messageMethods);
        this.messageMethodsByKind = Collections.unmodifiableMap(new EnumMap<>(messageMethodsByKind));
    }

    /**
     * Validates an annotated endpoint class against every rule of the specification and prepares
     * its methods for calls.
     *
     * @param pathVariables the variables of the path template; empty for client endpoints
     * @throws DeploymentException listing every problem found, one line each naming the class,
     *         the method and the rule broken
     */
    public static PojoMetadata analyse(Class<?> endpointClass, Set<String> pathVariables,
            List<Class<? extends Decoder>> decoders, List<Class<? extends Encoder>> encoders)
            throws DeploymentException {
        Set<String> variables = pathVariables == null ? Set.of() : pathVariables;
        List<Class<? extends Decoder>> decoderList = decoders == null ? List.of() : List.copyOf(decoders);
        List<Class<? extends Encoder>> encoderList = encoders == null ? List.of() : List.copyOf(encoders);

        ProblemCollector problems = new ProblemCollector();
        checkClass(endpointClass, problems);
        problems.addAll(endpointClass, DecoderSet.problems(decoderList));
        problems.addAll(endpointClass, EncoderSet.problems(encoderList));

        MethodRules rules = new MethodRules(variables, decoderList, encoderList, problems);
        Map<Class<?>, Method> lifecycleDeclarations = new HashMap<>();
        Map<Class<?>, PojoMethod> lifecycle = new HashMap<>();
        List<MessageMethod> messageMethods = new ArrayList<>();
        Map<MessageKind, MessageMethod> byKind = new EnumMap<>(MessageKind.class);

        for (Method method : AnnotatedMethods.of(endpointClass)) {
            List<Class<? extends Annotation>> annotations = AnnotatedMethods.annotationsOn(method);
            if (annotations.size() > 1) {
                problems.add(method, "has " + annotations.stream().map(a -> "@" + a.getSimpleName())
                        .collect(Collectors.joining(" and ")) + "; a method may carry only one of them");
            } else if (annotations.get(0) == OnMessage.class) {
                addMessageMethod(rules.message(method), messageMethods, byKind, problems);
            } else {
                Class<? extends Annotation> annotation = annotations.get(0);
                Method first = lifecycleDeclarations.putIfAbsent(annotation, method);
                if (first != null) {
                    problems.add(method, "is a second @" + annotation.getSimpleName() + " method (the first is "
                            + ProblemCollector.describe(first) + "); a class may have at most one");
                } else {
                    PojoMethod prepared = rules.lifecycle(method, annotation);
                    if (prepared != null) {
                        lifecycle.put(annotation, prepared);
                    }
                }
            }
        }
        problems.throwIfAny(endpointClass);
        return new PojoMetadata(endpointClass, decoderList, encoderList, lifecycle, messageMethods, byKind);
    }

    private static void checkClass(Class<?> endpointClass, ProblemCollector problems) {
        int modifiers = endpointClass.getModifiers();
        if (!Modifier.isPublic(modifiers)) {
            problems.add(endpointClass, "an endpoint class must be public");
        }
        if (endpointClass.isInterface() || endpointClass.isAnnotation()) {
            problems.add(endpointClass, "an endpoint must be a class, not an interface");
        } else if (Modifier.isAbstract(modifiers)) {
            problems.add(endpointClass, "an endpoint class must not be abstract");
        }
    }

    private static void addMessageMethod(MessageMethod candidate, List<MessageMethod> messageMethods,
            Map<MessageKind, MessageMethod> byKind, ProblemCollector problems) {
        if (candidate == null) {
            return;
        }
        boolean clash = false;
        for (MessageKind kind : candidate.kinds()) {
            MessageMethod first = byKind.get(kind);
            if (first != null) {
                clash = true;
                problems.add(candidate.method().method(), "is a second @OnMessage method for " + kind.label()
                        + " messages (the first is " + first.method() + "); a class may have at most one per"
                        + " message kind (text, binary, pong)");
            }
        }
        if (!clash) {
            messageMethods.add(candidate);
            candidate.kinds().forEach(kind -> byKind.put(kind, candidate));
        }
    }

    /** The logger named after the endpoint class, where its sessions report errors it does not handle. */
    System.Logger log() {
        return log;
    }

    public Class<?> endpointClass() {
        return endpointClass;
    }

    /** The decoder classes the endpoint was analysed with, for the session's {@link DecoderSet}. */
    public List<Class<? extends Decoder>> decoders() {
        return decoders;
    }

    /** The encoder classes the endpoint was analysed with, for the session's {@link EncoderSet}. */
    public List<Class<? extends Encoder>> encoders() {
        return encoders;
    }

    /**
     * The {@code maxMessageSize} of the {@code @OnMessage} method receiving {@code kind}, capped to
     * {@code Integer.MAX_VALUE}; -1 when there is no such method or it does not set one.
     */
    public int maxMessageSize(MessageKind kind) {
        MessageMethod method = messageMethodsByKind.get(kind);
        if (method == null || method.maxMessageSize() < 0) {
            return -1;
        }
        return (int) Math.min(method.maxMessageSize(), Integer.MAX_VALUE);
    }

    /** Whether the class has an {@code @OnMessage} method for {@code kind}. */
    public boolean receives(MessageKind kind) {
        return messageMethodsByKind.containsKey(kind);
    }

    PojoMethod onOpen() {
        return onOpen;
    }

    PojoMethod onClose() {
        return onClose;
    }

    PojoMethod onError() {
        return onError;
    }

    List<MessageMethod> messageMethods() {
        return messageMethods;
    }

    @Override
    public String toString() {
        return "PojoMetadata[" + endpointClass.getName() + "]";
    }
}
