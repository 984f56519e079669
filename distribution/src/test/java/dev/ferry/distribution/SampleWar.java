package dev.ferry.distribution;

import dev.ferry.distribution.app.EchoEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds the sample web application: the compiled classes of {@code dev.ferry.distribution.app}
 * under {@code WEB-INF/classes}, nothing else. No {@code web.xml}, no {@code WEB-INF/lib}: the
 * server must bring the WebSocket API and Ferry must find the endpoints by scanning.
 */
final class SampleWar {

    /** The WAR's file name without ".war", and so its context path in both servers. */
    static final String CONTEXT = "ferry-sample";

    private static final String APP_PACKAGE = EchoEndpoint.class.getPackageName().replace('.', '/');

    private SampleWar() {
    }

    /** @return the WAR, written as {@code dir/ferry-sample.war} */
    static Path writeTo(Path dir) throws IOException {
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
                String name = "WEB-INF/classes/" + classesRoot.relativize(file).toString().replace('\\', '/');
                jar.putNextEntry(new JarEntry(name));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        return war;
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
