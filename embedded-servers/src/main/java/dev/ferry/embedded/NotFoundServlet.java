package dev.ferry.embedded;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The root application's default servlet unless it names another. Containers run filters only for
 * requests that some servlet is mapped to; this one makes every path pass through the filters
 * (Ferry's upgrade filter among them), as in a real application.
 */
public class NotFoundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final String body;

    public NotFoundServlet() {
        this("Nothing here.\n");
    }

    /** @param body the plain text every 404 carries */
    public NotFoundServlet(String body) {
        this.body = body;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
