package dev.ferry.pojo;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the lifecycle-annotated methods of an endpoint class and its superclasses.
 *
 * <p>Only the most-derived declaration of a signature counts: a subclass that overrides an
 * annotated method replaces it (annotated or not), so the method is neither called twice nor
 * counted twice against the one-per-kind rules.
 */
final class AnnotatedMethods {

    static final List<Class<? extends Annotation>> LIFECYCLE =
            List.of(OnOpen.class, OnClose.class, OnError.class, OnMessage.class);

    /** Orders the methods of one class so that problems are reported the same way on every run. */
    private static final Comparator<Method> STABLE_ORDER =
            Comparator.comparing(Method::getName).thenComparing(AnnotatedMethods::signature);

    private AnnotatedMethods() {
    }

    /** The most-derived declarations carrying at least one lifecycle annotation, subclass first. */
    static List<Method> of(Class<?> endpointClass) {
        Set<String> seenSignatures = new HashSet<>();
        List<Method> annotated = new ArrayList<>();
        for (Class<?> type = endpointClass; type != null && type != Object.class; type = type.getSuperclass()) {
            Method[] declared = type.getDeclaredMethods();
            Arrays.sort(declared, STABLE_ORDER);
            for (Method method : declared) {
                if (method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                boolean mostDerived = seenSignatures.add(signature(method));
                if (mostDerived && !annotationsOn(method).isEmpty()) {
                    annotated.add(method);
                }
            }
        }
        return annotated;
    }

    /** The lifecycle annotations present on {@code method}. */
    static List<Class<? extends Annotation>> annotationsOn(Method method) {
        List<Class<? extends Annotation>> present = new ArrayList<>();
        for (Class<? extends Annotation> annotation : LIFECYCLE) {
            if (method.isAnnotationPresent(annotation)) {
                present.add(annotation);
            }
        }
        return present;
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.toString(method.getParameterTypes());
    }
}
