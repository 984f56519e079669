package dev.ferry.tck.arquillian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * A ShrinkWrap WAR written out as a directory, and the context path it is served at: the archive's
 * name without {@code .war} ({@code ROOT.war} is the root application), as the official TCK expects
 * ({@code ws_session_web.war} is reached under {@code /ws_session_web}).
 */
public record ExplodedWar(String archiveName, String contextPath, Path directory) {

    /**
     * Writes {@code archive} under {@code parent}, in a directory of its own. The WAR is zipped and
     * then unzipped rather than exported exploded: ShrinkWrap's exploded export would turn the jars
     * of {@code WEB-INF/lib} into directories, which Tomcat does not read as libraries.
     */
    public static ExplodedWar explode(Archive<?> archive, Path parent) throws IOException {
        String name = archive.getName();
        Path directory = Files.createTempDirectory(parent, "war-");
        Path zipped = directory.resolve("archive.war");
        archive.as(ZipExporter.class).exportTo(zipped.toFile(), true);
        Path webapp = directory.resolve("webapp");
        unzip(zipped, webapp);
        Files.delete(zipped);
        return new ExplodedWar(name, contextPathOf(name), webapp);
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Entry " + entry.getName() + " would be written outside " + target);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
    }

    static String contextPathOf(String archiveName) {
        String base = archiveName.endsWith(".war") ? archiveName.substring(0, archiveName.length() - 4) : archiveName;
        return base.equals("ROOT") || base.isEmpty() ? "" : "/" + base;
    }

    /** Removes the directory the WAR was written to. */
    public void delete() throws IOException {
        deleteRecursively(directory.getParent());
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
