package dev.ferry.distribution;

import dev.ferry.distribution.app.EchoEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds the sample web application: the compiled classes of {@code dev.ferry.distribution.app}
 * under {@code WEB-INF/classes}. By default nothing else: no {@code web.xml}, no
 * {@code WEB-INF/lib}, so that the server must bring the WebSocket API and Ferry, and Ferry must
 * find the endpoints by scanning. For the installs where the WAR carries Ferry itself, it gets
 * Ferry's jar and the WebSocket API jars in {@code WEB-INF/lib}, and optionally Tomcat's
 * {@code META-INF/context.xml}.
 */
final class SampleWar {

    /** The WAR's file name without ".war", and so its context path in both servers. */
    static final String CONTEXT = "ferry-sample";

    private static final String APP_PACKAGE = EchoEndpoint.class.getPackageName().replace('.', '/');

    private final List<Path> libraries = new ArrayList<>();
    private final Map<String, String> contextParameters = new LinkedHashMap<>();
    private String contextXml;

    /** Ferry inside the WAR: its jar and the WebSocket API jars in {@code WEB-INF/lib}. */
    SampleWar withFerryInside(Path ferryJar, List<Path> websocketApiJars) {
        libraries.add(ferryJar);
        libraries.addAll(websocketApiJars);
        return this;
    }

    /** A {@code <context-param>} in a {@code web.xml} (which keeps annotation scanning on). */
    SampleWar withContextParameter(String name, String value) {
        contextParameters.put(name, value);
        return this;
    }

    /** A {@code META-INF/context.xml} for Tomcat whose {@code <Context>} has these attributes. */
    SampleWar withTomcatContextXml(String contextAttributes) {
        contextXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Context " + contextAttributes + "/>\n";
        return this;
    }

    /** @return the WAR, written as {@code dir/ferry-sample.war} */
    Path writeTo(Path dir) throws IOException {
        Path classesRoot = classesRoot();
        Path war = dir.resolve(CONTEXT + ".war");
        List<Path> classes;
        try (Stream<Path> files = Files.walk(classesRoot.resolve(APP_PACKAGE))) {
            classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes of the sample application under " + classesRoot);
        }
        try (OutputStream out = Files.newOutputStream(war); JarOutputStream jar = new JarOutputStream(out)) {
            for (Path file : classes) {
                add(jar, "WEB-INF/classes/" + classesRoot.relativize(file).toString().replace('\\', '/'), file);
            }
            for (Path library : libraries) {
                add(jar, "WEB-INF/lib/" + library.getFileName(), library);
            }
            if (!contextParameters.isEmpty()) {
                add(jar, "WEB-INF/web.xml", webXml());
            }
            if (contextXml != null) {
                add(jar, "META-INF/context.xml", contextXml);
            }
        }
        return war;
    }

    private String webXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\" metadata-complete=\"false\">\n");
        contextParameters.forEach((name, value) -> xml.append("  <context-param><param-name>").append(name)
                .append("</param-name><param-value>").append(value).append("</param-value></context-param>\n"));
        return xml.append("</web-app>\n").toString();
    }

    private static void add(JarOutputStream jar, String name, Path file) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        Files.copy(file, jar);
        jar.closeEntry();
    }

    private static void add(JarOutputStream jar, String name, String text) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }

    /** The test-classes directory the application's classes were compiled into. */
    private static Path classesRoot() {
        try {
            return Path.of(EchoEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
