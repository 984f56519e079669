package dev.ferry.distribution.app;

import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;

/**
 * Tells the tests what the application runs on: the Servlet version (which Jetty environment
 * deployed it), which WebSocket implementation published the server container, and whether that
 * implementation's classes can see Jetty's core (which Ferry needs to take over connections in
 * Jetty, so it shows whether Ferry is installed at the right level), and whether the server binds
 * the application's JNDI context for request threads (WebSocket callbacks must get the same). Also
 * the readiness probe: it
 * answers once the application, and so Ferry's initializer, has started.
 */
@WebServlet("/info")
public class InfoServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletContext context = getServletContext();
        Object container = context.getAttribute(ServerContainer.class.getName());
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter()
                .append("servlet=").append(context.getMajorVersion() + "." + context.getMinorVersion()).append('\n')
                .append("serverContainer=").append(container == null ? "none" : container.getClass().getName())
                .append('\n')
                .append("jettyCoreVisible=").append(String.valueOf(container != null && jettyCoreVisible(container)))
                .append('\n')
                .append("jndi=").append(String.valueOf(CallbackContextEndpoint.jndiBound())).append('\n');
    }

    /** The same check Ferry makes before using Jetty's core API, from the implementation's class loader. */
    private static boolean jettyCoreVisible(Object container) {
        try {
            Class.forName("org.eclipse.jetty.server.HttpStream", false, container.getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
