package dev.ferry.pojo;

import jakarta.websocket.DecodeException;

/**
 * Supplies one argument of an annotated method. Worked out once per method at deployment, so a
 * call only runs these small functions and no reflection.
 */
@FunctionalInterface
interface ParameterResolver {

    Object resolve(CallContext context) throws DecodeException;

    static ParameterResolver session() {
        return CallContext::session;
    }

    static ParameterResolver config() {
        return CallContext::config;
    }

    static ParameterResolver message() {
        return CallContext::message;
    }

    static ParameterResolver lastFlag() {
        return CallContext::last;
    }

    static ParameterResolver closeReason() {
        return CallContext::closeReason;
    }

    static ParameterResolver throwable() {
        return CallContext::throwable;
    }

    static ParameterResolver pathParameter(String name, Class<?> type) {
        return context -> PathParameterConverter.convert(context.pathParameters().get(name), type);
    }
}
