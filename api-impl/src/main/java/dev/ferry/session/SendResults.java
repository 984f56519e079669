package dev.ferry.session;

import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * Makes the {@link SendResult}s given to {@code SendHandler}s with whichever constructors the
 * WebSocket API on the class path has.
 *
 * <p>Why: API 2.2 added {@code SendResult(Session)} and {@code SendResult(Session, Throwable)},
 * and Ferry prefers them ({@link SendResult#getSession()} then works); API 2.1 has only
 * {@code SendResult()} and {@code SendResult(Throwable)}. Tomcat 10.1 ships API 2.1 in its
 * {@code lib/}, and a WAR cannot bring its own (Tomcat loads {@code jakarta.websocket} only from
 * the server), so a call to a 2.2 constructor there fails with {@code NoSuchMethodError} the
 * first time an async send completes. The choice is made once, when this class loads.
 */
final class SendResults {

    private static final boolean WITH_SESSION = hasSessionConstructors();

    private SendResults() {
    }

    static SendResult ok(Session session) {
        return WITH_SESSION ? new SendResult(session) : legacyOk();
    }

    static SendResult failed(Session session, Throwable failure) {
        return WITH_SESSION ? new SendResult(session, failure) : legacyFailed(failure);
    }

    @SuppressWarnings("deprecation") // the only form API 2.1 has
    private static SendResult legacyOk() {
        return new SendResult();
    }

    @SuppressWarnings("deprecation")
    private static SendResult legacyFailed(Throwable failure) {
        return new SendResult(failure);
    }

    private static boolean hasSessionConstructors() {
        try {
            SendResult.class.getConstructor(Session.class);
            SendResult.class.getConstructor(Session.class, Throwable.class);
            return true;
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }
}
