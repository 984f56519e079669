package dev.ferry.samples.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.FerryWebApp;
import dev.ferry.embedded.ServerKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo's CDI sample, as the demo runs it: Weld started by the sample, Tomcat serving the greeter. */
class GreeterSampleTest {

    @Test
    void greetsWithTheInjectedCounterSharedByAllConnections() throws Exception {
        try (AutoCloseable weld = CdiSample.startWeld()) {
            EmbeddedServer tomcat = ServerKind.TOMCAT.create();
            tomcat.start(0, FerryWebApp.deploying(Set.of(GreeterEndpoint.class)).build());
            try {
                URI uri = URI.create("ws://localhost:" + tomcat.port() + "/cdi/greeter");
                assertEquals("Hello, Ada! (greeting #1 on this server)", greetOnce(uri, "Ada"));
                assertEquals("Hello, Grace! (greeting #2 on this server)", greetOnce(uri, " Grace "));
            } finally {
                tomcat.stop();
            }
        }
    }

    /** One connection of the JDK's client, one greeting. */
    private static String greetOnce(URI uri, String name) throws Exception {
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                answers.add(data.toString());
                webSocket.request(1);
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        socket.sendText(name, true).get(5, TimeUnit.SECONDS);
        String answer = answers.poll(5, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        return answer;
    }
}
