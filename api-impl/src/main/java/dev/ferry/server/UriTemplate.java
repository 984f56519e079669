package dev.ferry.server;

import jakarta.websocket.DeploymentException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An endpoint path such as {@code /chat/{room}/members}: literal segments and whole-segment
 * variables (the level-1 URI templates the Jakarta WebSocket specification allows).
 *
 * <p>Validation happens at construction, so a bad path fails deployment with a message naming the
 * template and the broken rule instead of silently matching nothing.
 */
public final class UriTemplate {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private final String template;
    /** Per segment: the literal text, or {@code null} where the segment is a variable. */
    private final List<String> literals;
    /** Per segment: the variable name, or {@code null} where the segment is a literal. */
    private final List<String> variables;
    private final Set<String> variableNames;

    public UriTemplate(String template) throws DeploymentException {
        if (template == null) {
            throw new DeploymentException("An endpoint path template must not be null");
        }
        this.template = template;
        if (!template.startsWith("/")) {
            throw invalid("must start with '/'");
        }
        if (template.indexOf('?') >= 0 || template.indexOf('#') >= 0) {
            throw invalid("must not contain a query ('?') or a fragment ('#')");
        }
        List<String> literalList = new ArrayList<>();
        List<String> variableList = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String segment : segmentsOf(template)) {
            if (segment.isEmpty()) {
                throw invalid("must not contain an empty segment ('//' or a trailing '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid("must not contain a '" + segment + "' segment");
            }
            String variable = variableIn(segment);
            if (variable != null && !names.add(variable)) {
                throw invalid("uses variable {" + variable + "} twice");
            }
            literalList.add(variable == null ? segment : null);
            variableList.add(variable);
        }
        this.literals = Collections.unmodifiableList(literalList);
        this.variables = Collections.unmodifiableList(variableList);
        this.variableNames = Collections.unmodifiableSet(names);
    }

    /**
     * The variables of {@code path} (unmodifiable, in template order), or {@code null} when the
     * path does not match. A variable matches exactly one non-empty segment; literals compare
     * exactly, so {@code /a/} does not match {@code /a}.
     */
    public Map<String, String> match(String path) {
        List<String> segments = pathSegments(path);
        if (segments == null || segments.size() != literals.size()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String literal = literals.get(i);
            if (literal != null ? !literal.equals(segment) : segment.isEmpty()) {
                return null;
            }
            if (literal == null) {
                values.put(variables.get(i), segment);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** Number of segments; 0 for the root {@code /}. */
    public int segmentCount() {
        return literals.size();
    }

    public boolean hasVariables() {
        return !variableNames.isEmpty();
    }

    public String template() {
        return template;
    }

    /** The variable names in template order; unmodifiable. */
    public Set<String> variableNames() {
        return variableNames;
    }

    /** The literal text of segment {@code index}, or {@code null} if that segment is a variable. */
    String literalAt(int index) {
        return literals.get(index);
    }

    /**
     * The template with every variable name erased ({@code /a/{}}): two templates with the same
     * shape would match exactly the same paths, which deployment must refuse.
     */
    String shape() {
        StringBuilder out = new StringBuilder();
        for (String literal : literals) {
            out.append('/').append(literal == null ? "{}" : literal);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /**
     * The segments of a request path ({@code "/"} has none; {@code "/a/"} has {@code a} and an
     * empty one), or {@code null} for a path that does not start with {@code /}.
     */
    static List<String> pathSegments(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            return null;
        }
        return segmentsOf(path);
    }

    private static List<String> segmentsOf(String absolutePath) {
        if (absolutePath.equals("/")) {
            return List.of();
        }
        // -1 keeps trailing empty strings, so a trailing slash stays visible as an empty segment.
        String[] parts = absolutePath.substring(1).split("/", -1);
        return List.of(parts);
    }

    /** The variable name if {@code segment} is {@code {name}}, {@code null} if it is a plain literal. */
    private String variableIn(String segment) throws DeploymentException {
        boolean hasBrace = segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0;
        if (!hasBrace) {
            return null;
        }
        if (!segment.startsWith("{") || !segment.endsWith("}") || segment.length() < 2
                || segment.indexOf('{', 1) >= 0 || segment.indexOf('}') != segment.length() - 1) {
            throw invalid("has segment '" + segment + "'; a variable must be a whole segment of the form {name}");
        }
        String name = segment.substring(1, segment.length() - 1);
        if (!VARIABLE_NAME.matcher(name).matches()) {
            throw invalid("has variable '" + segment
                    + "'; a variable name must be one or more of the characters A-Z a-z 0-9 _ . -");
        }
        return name;
    }

    private DeploymentException invalid(String rule) {
        return new DeploymentException("Invalid endpoint path template '" + template + "': it " + rule);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UriTemplate that && template.equals(that.template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
