package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.servlet.route.ServletUpgradeOptions;
import dev.ferry.servlet.route.ServletUpgradeProfile;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When Undertow's worker pool is out of reach (Undertow's classes are not the ones Ferry was built
 * with, or Ferry cannot see them), the callbacks still leave Undertow's I/O threads: on threads of
 * Ferry's own, bound to the application, ended with it; the log says so once, as a warning.
 */
class UndertowSupportTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger routeLogger = Logger.getLogger(RouteLog.class.getName());

    @BeforeEach
    void captureLog() {
        routeLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        routeLogger.removeHandler(capture);
    }

    /** A servlet context that is not Undertow's, as Ferry would see one whose classes differ. */
    private static <T> T stub(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(UndertowSupportTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null));
    }

    @Test
    void withoutUndertowsWorkersCallbacksRunOnFerrysOwnThreadsBoundToTheApplication() throws Exception {
        ClassLoader application = new URLClassLoader("application", new URL[0], getClass().getClassLoader());
        OwnCallbackThreads own = new OwnCallbackThreads("/chat", application);
        try {
            ServletUpgradeProfile profile = UndertowSupport.detect(stub(ServletContext.class),
                    new RouteLog("web application /chat"), own);
            ServletUpgradeOptions options = profile.options(stub(HttpServletRequest.class));

            assertSame(own, options.callbackThreads());
            assertTrue(options.wholeArrays(), "Undertow's stream still needs whole arrays");
            assertTrue(options.errorsRepeat(), "Undertow's stream still repeats a failed write");
            assertNull(options.drop(), "without Undertow's classes its connection cannot be closed directly");
            assertEquals(", callbacks on threads of Ferry's own (ferry-callback-N)", profile.description());
            List<LogRecord> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
            assertEquals(1, warnings.size(), String.valueOf(warnings));
            assertTrue(warnings.get(0).getMessage().contains("Undertow's worker threads for endpoint callbacks is unavailable"),
                    warnings.get(0).getMessage());

            CompletableFuture<String> seen = new CompletableFuture<>();
            own.execute(() -> seen.complete(Thread.currentThread().getName() + " "
                    + (Thread.currentThread().getContextClassLoader() == application)));
            assertEquals("ferry-callback/chat-1 true", seen.get(5, TimeUnit.SECONDS));
        } finally {
            own.close();
        }
        assertThrows(RejectedExecutionException.class, () -> own.execute(() -> { }), "runs after the application stopped");
    }

    @Test
    void undertowsContextIsRecognisedByItsClassOnly() {
        assertFalse(UndertowSupport.inUndertow(stub(ServletContext.class)));
    }
}
