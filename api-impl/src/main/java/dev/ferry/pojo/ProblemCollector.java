package dev.ferry.pojo;

import jakarta.websocket.DeploymentException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Gathers every problem found in one endpoint class so that a developer sees them all in one
 * deployment failure rather than fixing them one redeploy at a time.
 */
final class ProblemCollector {

    private final List<String> problems = new ArrayList<>();

    void add(Method method, String rule) {
        problems.add(describe(method) + ": " + rule);
    }

    void add(Class<?> type, String rule) {
        problems.add(type.getName() + ": " + rule);
    }

    /** Adds lines that already name what they are about (decoder and encoder problems). */
    void addAll(Class<?> endpointClass, List<String> lines) {
        for (String line : lines) {
            problems.add(endpointClass.getName() + ": " + line);
        }
    }

    int size() {
        return problems.size();
    }

    void throwIfAny(Class<?> endpointClass) throws DeploymentException {
        if (!problems.isEmpty()) {
            throw new DeploymentException("Endpoint " + endpointClass.getName() + " is invalid ("
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** {@code com.x.Chat.onMsg(int,String)}: how the method is shown in problems and logs. */
    static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","))
                + ")";
    }
}
