package dev.ferry.server;

import jakarta.websocket.DeploymentException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the one endpoint a request path belongs to, by the rules of the Jakarta WebSocket
 * specification §3.1.1: an exact (variable-free) path wins; otherwise, among templates with as
 * many segments as the path, the one that matches with a literal at the leftmost position where
 * the candidates differ wins ({@code /a/b/{y}} beats {@code /a/{x}/c} for {@code /a/b/c}).
 *
 * <p>The templates form a tree of segments that is searched depth first, literal child before
 * variable child. The first complete match found that way is exactly the winner the rules
 * describe (an exact path is all literals, so it is always found first), and each tree node is
 * visited at most once, so matching costs at most the size of the tree whatever the path.
 *
 * <p>Threads: {@link #add} builds a new tree and publishes it through a volatile field, and a
 * published tree is never changed, so {@link #match} runs without locks alongside anything.
 *
 * @param <T> what is deployed at a path, e.g. the endpoint's configuration
 */
public final class EndpointPathMatcher<T> {

    /** The result of a successful match: what is deployed, at which template, with which path values. */
    public record Match<T>(T value, String template, Map<String, String> pathParameters) {
    }

    /** What was added, by template shape, to detect clashes; guarded by {@code this}. */
    private final Map<String, Deployed<T>> byShape = new LinkedHashMap<>();

    /** The current search tree; replaced whole, never modified once published. */
    private volatile Node<T> root = new Node<>();

    /**
     * Deploys {@code value} at {@code template}.
     *
     * @throws DeploymentException if the template is invalid, or if an existing template matches
     *     exactly the same paths (the same template, or one equal up to variable names)
     */
    public synchronized void add(String template, T value) throws DeploymentException {
        Objects.requireNonNull(value, "value");
        UriTemplate parsed = new UriTemplate(template);
        Deployed<T> existing = byShape.get(parsed.shape());
        if (existing != null) {
            String other = existing.template().template();
            throw new DeploymentException(other.equals(template)
                    ? "Endpoint path '" + template + "' is deployed twice"
                    : "Endpoint path '" + template + "' clashes with the deployed path '" + other
                            + "': they differ only in variable names, so they match the same paths");
        }
        byShape.put(parsed.shape(), new Deployed<>(parsed, value));
        root = buildTree();
    }

    /** The endpoint for {@code path} (no query, starting with '/'), or {@code null} if none matches. */
    public Match<T> match(String path) {
        List<String> segments = UriTemplate.pathSegments(path);
        if (segments == null) {
            return null;
        }
        Deployed<T> found = search(root, segments, 0);
        if (found == null) {
            return null;
        }
        return new Match<>(found.value(), found.template().template(), found.template().match(path));
    }

    public boolean isEmpty() {
        return root.isLeafWithoutEntry();
    }

    private static <T> Deployed<T> search(Node<T> node, List<String> segments, int index) {
        if (index == segments.size()) {
            return node.deployed;
        }
        String segment = segments.get(index);
        Node<T> literal = node.literals.get(segment);
        if (literal != null) {
            Deployed<T> found = search(literal, segments, index + 1);
            if (found != null) {
                return found;
            }
        }
        if (node.variable != null && !segment.isEmpty()) {
            return search(node.variable, segments, index + 1);
        }
        return null;
    }

    private Node<T> buildTree() {
        Node<T> newRoot = new Node<>();
        for (Deployed<T> deployed : byShape.values()) {
            UriTemplate template = deployed.template();
            Node<T> node = newRoot;
            for (int i = 0; i < template.segmentCount(); i++) {
                String literal = template.literalAt(i);
                if (literal == null) {
                    if (node.variable == null) {
                        node.variable = new Node<>();
                    }
                    node = node.variable;
                } else {
                    node = node.literals.computeIfAbsent(literal, key -> new Node<>());
                }
            }
            node.deployed = deployed;
        }
        return newRoot;
    }

    private record Deployed<T>(UriTemplate template, T value) {
    }

    /**
     * One segment position in the tree. Mutable only while {@link #buildTree} builds it; after
     * the volatile publication in {@link #add} it is read-only.
     */
    private static final class Node<T> {
        final Map<String, Node<T>> literals = new HashMap<>();
        Node<T> variable;
        Deployed<T> deployed;

        boolean isLeafWithoutEntry() {
            return literals.isEmpty() && variable == null && deployed == null;
        }
    }
}
