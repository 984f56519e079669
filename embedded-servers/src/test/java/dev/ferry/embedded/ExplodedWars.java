package dev.ferry.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small exploded WARs for the tests: a static file and the class files of endpoints. */
final class ExplodedWars {

    private ExplodedWars() {
    }

    /** A WAR under {@code parent/name} holding {@code hello.txt} and {@code endpoints} in {@code WEB-INF/classes}. */
    static Path write(Path parent, String name, Class<?>... endpoints) throws IOException {
        Path war = Files.createDirectories(parent.resolve(name));
        Files.writeString(war.resolve("hello.txt"), "hello from " + name, StandardCharsets.UTF_8);
        Files.createDirectories(war.resolve("WEB-INF"));
        Files.writeString(war.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="false">
                </web-app>
                """, StandardCharsets.UTF_8);
        for (Class<?> endpoint : endpoints) {
            String file = endpoint.getName().replace('.', '/') + ".class";
            Path target = war.resolve("WEB-INF/classes").resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = endpoint.getClassLoader().getResourceAsStream(file)) {
                Files.copy(in, target);
            }
        }
        return war;
    }
}
