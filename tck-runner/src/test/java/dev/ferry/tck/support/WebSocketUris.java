package dev.ferry.tck.support;

import java.net.URI;
import java.net.URL;

/** Turns the HTTP URL Arquillian reports for a WAR into WebSocket URIs inside it. */
public final class WebSocketUris {

    private WebSocketUris() {
    }

    public static URI of(URL base, String path) {
        URI http = URI.create(base.toString()).resolve(path);
        return URI.create("ws" + http.toString().substring("http".length()));
    }
}
