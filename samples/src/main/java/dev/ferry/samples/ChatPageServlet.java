package dev.ferry.samples;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the chat page and its script from the classpath, so that the one jar holds the whole
 * demo whatever the container. Only the files listed here are served: a servlet that mapped
 * request paths onto classpath resources would expose every class and configuration file.
 */
public final class ChatPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final String BASE = "/dev/ferry/samples/web/";

    /** Request path (within the application) to file name and content type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html;charset=UTF-8"},
            "/index.html", new String[] {"index.html", "text/html;charset=UTF-8"},
            "/chat.js", new String[] {"chat.js", "text/javascript;charset=UTF-8"},
            "/chat.css", new String[] {"chat.css", "text/css;charset=UTF-8"});

    /** The paths to map this servlet to; "" is the servlet API's name for the application root. */
    public static final String[] MAPPINGS = {"", "/index.html", "/chat.js", "/chat.css"};

    private transient Map<String, byte[]> contents;

    @Override
    public void init() throws ServletException {
        try {
            contents = Map.of("index.html", load("index.html"), "chat.js", load("chat.js"), "chat.css", load("chat.css"));
        } catch (UncheckedIOException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    private static byte[] load(String file) {
        try (InputStream in = ChatPageServlet.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("Missing classpath resource " + BASE + file));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String[] file = FILES.get(path);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = contents.get(file[0]);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(file[1]);
        response.setContentLength(body.length);
        // A demo is edited and rebuilt often: never let a browser run yesterday's script.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(body);
    }
}
