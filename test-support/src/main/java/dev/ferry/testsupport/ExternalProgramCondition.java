package dev.ferry.testsupport;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Disables what {@link RequiresPrograms} marks when one of its programs is missing. A disabled
 * class is reported as skipped with the reason (an aborted {@code @BeforeAll} would vanish from
 * Maven's counts). With {@value ExternalProgram#REQUIRE_PROPERTY}{@code =true} the check throws
 * instead, which fails the class.
 */
final class ExternalProgramCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresPrograms.class))
                .map(required -> evaluate(List.of(required.value()), key -> context.getConfigurationParameter(key).orElse(null)))
                .orElse(ConditionEvaluationResult.enabled("needs no external program"));
    }

    /** @param properties JUnit's configuration parameters, which fall back to the system properties */
    private static ConditionEvaluationResult evaluate(List<ExternalProgram> programs, UnaryOperator<String> properties) {
        String missing = ExternalProgram.describeMissing(properties, System.getenv("PATH"), programs);
        if (missing == null) {
            return ConditionEvaluationResult.enabled("installed: " + programs);
        }
        if (Boolean.parseBoolean(properties.apply(ExternalProgram.REQUIRE_PROPERTY))) {
            throw new AssertionError(ExternalProgram.failureMessage(missing));
        }
        return ConditionEvaluationResult.disabled(ExternalProgram.skipMessage(missing));
    }
}
