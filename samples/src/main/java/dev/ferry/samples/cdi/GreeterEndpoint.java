package dev.ferry.samples.cdi;

import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The CDI sample: greets whoever sends their name, numbering the greetings with an injected
 * application-scoped counter. Ferry gets each connection's instance from CDI, so the injection
 * works without any configurator. Served by the demo when Weld is on its class path.
 */
@ServerEndpoint("/cdi/greeter")
public class GreeterEndpoint {

    @Inject
    GreetingCounter counter;

    @OnMessage
    public String greet(String name) {
        return "Hello, " + name.strip() + "! (greeting #" + counter.next() + " on this server)";
    }
}
