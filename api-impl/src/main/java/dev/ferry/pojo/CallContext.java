package dev.ferry.pojo;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.Map;

/**
 * Everything one call of an annotated method may take its arguments from; the method's parameter
 * resolvers pick what they need.
 */
record CallContext(Session session, EndpointConfig config, Map<String, String> pathParameters, Object message,
        boolean last, CloseReason closeReason, Throwable throwable) {

    static CallContext open(Session session, EndpointConfig config, Map<String, String> pathParameters) {
        return new CallContext(session, config, pathParameters, null, true, null, null);
    }

    static CallContext message(Session session, EndpointConfig config, Map<String, String> pathParameters,
            Object message, boolean last) {
        return new CallContext(session, config, pathParameters, message, last, null, null);
    }

    static CallContext close(Session session, EndpointConfig config, Map<String, String> pathParameters,
            CloseReason reason) {
        return new CallContext(session, config, pathParameters, null, true, reason, null);
    }

    static CallContext error(Session session, EndpointConfig config, Map<String, String> pathParameters,
            Throwable throwable) {
        return new CallContext(session, config, pathParameters, null, true, null, throwable);
    }
}
