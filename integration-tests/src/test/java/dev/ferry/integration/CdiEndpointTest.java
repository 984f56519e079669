package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.client.FerryClientContainer;
import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.FerryWebApp;
import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.Poll;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CDI over a real socket: a Weld SE container in this JVM, embedded Tomcat serving an injected
 * {@code @ServerEndpoint}, and Ferry's client connecting an injected {@code @ClientEndpoint} class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdiEndpointTest {

    /** What happened to the beans; application-scoped, so the test reads the same one. */
    @ApplicationScoped
    public static class Journal {
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final AtomicInteger helperIds = new AtomicInteger();
        private final BlockingQueue<String> clientInbox = new LinkedBlockingQueue<>();

        void record(String event) {
            events.add(event);
        }

        List<String> events() {
            return List.copyOf(events);
        }

        int nextHelperId() {
            return helperIds.incrementAndGet();
        }

        BlockingQueue<String> clientInbox() {
            return clientInbox;
        }
    }

    /** One for the whole server. */
    @ApplicationScoped
    public static class Visits {
        private final AtomicInteger count = new AtomicInteger();

        int next() {
            return count.incrementAndGet();
        }
    }

    /** One per endpoint instance, destroyed with it. */
    @Dependent
    public static class Helper {
        @Inject
        Journal journal;
        private int id;

        @PostConstruct
        void created() {
            id = journal.nextHelperId();
        }

        @PreDestroy
        void destroyed() {
            journal.record("helper h" + id + " destroyed");
        }

        String name() {
            return "h" + id;
        }
    }

    @ServerEndpoint("/cdi/visits")
    public static class VisitsEndpoint {
        @Inject
        Visits visits;
        @Inject
        Helper helper;
        @Inject
        Journal journal;

        @OnMessage
        public String onMessage(String text) {
            return visits.next() + ":" + helper.name() + ":" + text;
        }

        @PreDestroy
        void destroyed() {
            journal.record("server endpoint with " + helper.name() + " destroyed");
        }
    }

    @ClientEndpoint
    public static class InjectedClient {
        @Inject
        Journal journal;

        @OnMessage
        public void onMessage(String text) {
            journal.clientInbox().add(text);
        }

        @PreDestroy
        void destroyed() {
            journal.record("client endpoint destroyed");
        }
    }

    private WeldContainer weld;
    private EmbeddedServer tomcat;
    private final FerryClientContainer client = new FerryClientContainer();

    @BeforeAll
    void start() throws Exception {
        weld = new Weld("ferry-cdi-it").disableDiscovery()
                .addBeanClasses(Journal.class, Visits.class, Helper.class)
                .property("org.jboss.weld.se.shutdownHook", false)
                .initialize();
        tomcat = ServerKind.TOMCAT.create();
        tomcat.start(0, FerryWebApp.deploying(Set.of(VisitsEndpoint.class)).build());
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        tomcat.stop();
        weld.shutdown();
    }

    private Journal journal() {
        return weld.select(Journal.class).get();
    }

    private String ask(Session session, String text) throws Exception {
        session.getBasicRemote().sendText(text);
        String answer = journal().clientInbox().poll(5, TimeUnit.SECONDS);
        assertNotNull(answer, "no answer to " + text);
        return answer;
    }

    private void awaitEvent(Predicate<List<String>> condition) throws Exception {
        try {
            Poll.until(Duration.ofSeconds(5), "the endpoints' events", () -> condition.test(journal().events()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the journal has " + journal().events(), e);
        }
    }

    @Test
    void injectedEndpointsOnBothSidesWithTheirScopesAndPreDestroy() throws Exception {
        URI uri = URI.create("ws://localhost:" + tomcat.port() + "/cdi/visits");
        // Connected by class: the client container makes the instance, so CDI injects it.
        Session first = client.connectToServer(InjectedClient.class, uri);
        Session second = client.connectToServer(InjectedClient.class, uri);

        String a = ask(first, "a");
        String b = ask(second, "b");

        String[] partsA = a.split(":");
        String[] partsB = b.split(":");
        assertEquals(Set.of("1", "2"), Set.of(partsA[0], partsB[0]),
                "both sessions count with the one application-scoped Visits: " + a + ", " + b);
        assertNotEquals(partsA[1], partsB[1], "each server endpoint instance has its own @Dependent helper");

        first.close();
        awaitEvent(events -> events.contains("server endpoint with " + partsA[1] + " destroyed")
                && events.contains("helper " + partsA[1] + " destroyed")
                && events.contains("client endpoint destroyed"));
        assertTrue(journal().events().stream().noneMatch(e -> e.contains(partsB[1])),
                "the second session's endpoint lives on: " + journal().events());
        assertEquals("3:" + partsB[1] + ":c", ask(second, "c"));

        second.close();
        awaitEvent(events -> events.contains("server endpoint with " + partsB[1] + " destroyed")
                && events.stream().filter("client endpoint destroyed"::equals).count() == 2);
    }
}
