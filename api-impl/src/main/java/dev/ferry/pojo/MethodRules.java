package dev.ferry.pojo;

import dev.ferry.message.DecoderSet;
import dev.ferry.message.EncoderSet;
import dev.ferry.message.MessageKind;
import dev.ferry.message.MessageTypes;
import dev.ferry.message.PrimitiveTypes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of chapter 4 of the specification for one annotated method: what it may declare,
 * and how each parameter is filled. Problems go to the collector; a method with any problem
 * yields {@code null}.
 */
final class MethodRules {

    private final Set<String> pathVariables;
    private final List<Class<? extends Decoder>> decoders;
    private final List<Class<? extends Encoder>> encoders;
    private final ProblemCollector problems;

    MethodRules(Set<String> pathVariables, List<Class<? extends Decoder>> decoders,
            List<Class<? extends Encoder>> encoders, ProblemCollector problems) {
        this.pathVariables = pathVariables;
        this.decoders = decoders;
        this.encoders = encoders;
        this.problems = problems;
    }

    /** Analyses an {@code @OnOpen}, {@code @OnClose} or {@code @OnError} method. */
    PojoMethod lifecycle(Method method, Class<? extends Annotation> annotation) {
        String at = "@" + annotation.getSimpleName();
        int problemsBefore = problems.size();
        checkModifiers(method, at);
        Parameter[] parameters = method.getParameters();
        ParameterResolver[] resolvers = new ParameterResolver[parameters.length];
        int throwables = 0;
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            PathParam pathParam = parameters[i].getAnnotation(PathParam.class);
            if (pathParam != null) {
                resolvers[i] = pathParameter(method, at, pathParam.value(), type);
            } else if (type == Session.class) {
                resolvers[i] = ParameterResolver.session();
            } else if (annotation == OnOpen.class && type == EndpointConfig.class) {
                resolvers[i] = ParameterResolver.config();
            } else if (annotation == OnClose.class && type == CloseReason.class) {
                resolvers[i] = ParameterResolver.closeReason();
            } else if (annotation == OnError.class && type == Throwable.class) {
                resolvers[i] = ParameterResolver.throwable();
                throwables++;
            } else {
                problems.add(method, at + " parameter " + (i + 1) + " of type " + type.getSimpleName()
                        + " is not allowed; " + at + " accepts only " + allowedParameters(annotation));
            }
        }
        if (annotation == OnError.class && throwables == 0) {
            problems.add(method, "@OnError must have a Throwable parameter");
        } else if (throwables > 1) {
            problems.add(method, "@OnError has " + throwables + " Throwable parameters; it takes exactly one");
        }
        return problems.size() == problemsBefore ? prepare(method, resolvers) : null;
    }

    /** Analyses an {@code @OnMessage} method. */
    MessageMethod message(Method method) {
        int problemsBefore = problems.size();
        checkModifiers(method, "@OnMessage");
        Parameter[] parameters = method.getParameters();
        ParameterResolver[] resolvers = new ParameterResolver[parameters.length];
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            PathParam pathParam = parameters[i].getAnnotation(PathParam.class);
            if (pathParam != null) {
                resolvers[i] = pathParameter(method, "@OnMessage", pathParam.value(), type);
            } else if (type == Session.class) {
                resolvers[i] = ParameterResolver.session();
            } else {
                candidates.add(i);
            }
        }
        int lastIndex = lastFlagIndex(parameters, candidates);
        candidates.remove(Integer.valueOf(lastIndex));
        if (candidates.isEmpty()) {
            problems.add(method, "@OnMessage has no message parameter; add one of String, Reader, ByteBuffer,"
                    + " byte[], InputStream, PongMessage, a primitive, or a type a configured decoder produces");
            return null;
        }
        if (candidates.size() > 1) {
            problems.add(method, "@OnMessage has " + (candidates.size() == 2 ? "two" : candidates.size())
                    + " message parameters (" + candidates.stream()
                            .map(i -> parameters[i].getType().getSimpleName()).collect(Collectors.joining(", "))
                    + "); it takes exactly one, besides Session, @PathParam and a boolean 'last' flag");
            return null;
        }
        int messageIndex = candidates.get(0);
        Class<?> messageType = parameters[messageIndex].getType();
        resolvers[messageIndex] = ParameterResolver.message();
        Set<MessageKind> kinds = kindsOf(messageType);
        if (kinds.isEmpty()) {
            problems.add(method, "@OnMessage parameter type " + messageType.getName() + " is not a message type"
                    + " and no configured decoder produces it; add a decoder for it to the endpoint");
        }
        boolean partial = lastIndex >= 0;
        if (partial) {
            resolvers[lastIndex] = ParameterResolver.lastFlag();
            if (!MessageTypes.supportsPartial(messageType)) {
                problems.add(method, "@OnMessage has a boolean 'last' parameter, but " + messageType.getSimpleName()
                        + " messages cannot be received in parts; only String, ByteBuffer and byte[] can");
            }
        }
        checkReturnType(method);
        if (problems.size() != problemsBefore) {
            return null;
        }
        PojoMethod prepared = prepare(method, resolvers);
        return prepared == null ? null : new MessageMethod(prepared, PrimitiveTypes.box(messageType), kinds, partial,
                method.getAnnotation(OnMessage.class).maxMessageSize());
    }

    /** The index of the {@code boolean last} flag: the one primitive boolean beside exactly one other candidate. */
    private static int lastFlagIndex(Parameter[] parameters, List<Integer> candidates) {
        if (candidates.size() != 2) {
            return -1;
        }
        boolean firstIsFlag = parameters[candidates.get(0)].getType() == boolean.class;
        boolean secondIsFlag = parameters[candidates.get(1)].getType() == boolean.class;
        if (firstIsFlag == secondIsFlag) {
            return -1;
        }
        return firstIsFlag ? candidates.get(0) : candidates.get(1);
    }

    private Set<MessageKind> kindsOf(Class<?> messageType) {
        MessageKind builtIn = MessageTypes.builtInKind(messageType);
        return builtIn != null ? EnumSet.of(builtIn) : DecoderSet.decodedKinds(decoders, messageType);
    }

    private void checkReturnType(Method method) {
        Class<?> returnType = method.getReturnType();
        if (returnType == void.class) {
            return;
        }
        // Pong methods included: @OnMessage allows any sendable return type (the official TCK's pong
        // endpoints answer with a String).
        if (!EncoderSet.canEncode(encoders, returnType)) {
            problems.add(method, "@OnMessage return type " + returnType.getName() + " cannot be sent back: it is"
                    + " not void, String, ByteBuffer, byte[] or a primitive, and no configured encoder handles it");
        }
    }

    private void checkModifiers(Method method, String at) {
        if (!Modifier.isPublic(method.getModifiers())) {
            problems.add(method, at + " method must be public");
        }
        if (Modifier.isStatic(method.getModifiers())) {
            problems.add(method, at + " method must not be static");
        }
    }

    private ParameterResolver pathParameter(Method method, String at, String annotated, Class<?> type) {
        // "{room}" for "room": braces cannot be part of a variable's name, so the template's
        // spelling of the variable is taken to mean the variable (the TCK itself writes one so).
        String name = annotated.length() > 2 && annotated.startsWith("{") && annotated.endsWith("}")
                ? annotated.substring(1, annotated.length() - 1)
                : annotated;
        if (!PathParameterConverter.supports(type)) {
            problems.add(method, at + " @PathParam(\"" + name + "\") parameter of type " + type.getSimpleName()
                    + " is not allowed; use String, a primitive or a boxed primitive");
        } else if (!pathVariables.contains(name) && type.isPrimitive()) {
            problems.add(method, at + " @PathParam(\"" + name + "\") names no variable of the path template "
                    + pathVariables + ", so its value is always null, which a primitive "
                    + type.getSimpleName() + " cannot hold");
        }
        return ParameterResolver.pathParameter(name, type);
    }

    private PojoMethod prepare(Method method, ParameterResolver[] resolvers) {
        try {
            return PojoMethod.of(method, resolvers);
        } catch (IllegalAccessException e) {
            problems.add(method, "cannot be called by the container (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String allowedParameters(Class<? extends Annotation> annotation) {
        if (annotation == OnOpen.class) {
            return "Session, EndpointConfig and @PathParam parameters";
        } else if (annotation == OnClose.class) {
            return "Session, CloseReason and @PathParam parameters";
        }
        return "one Throwable, Session and @PathParam parameters";
    }
}
