package dev.ferry.embedded;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classes of an exploded WAR ({@code WEB-INF/classes} and the jars in {@code WEB-INF/lib}),
 * loaded without being initialized, for what a container's deployer hands the application's
 * initializers ({@code @HandlesTypes}) and registers from annotations ({@code @WebServlet},
 * {@code @WebFilter}, {@code @WebListener}). Only the WAR is scanned, never the server's class path,
 * as Tomcat and Jetty do for a WAR. A class that cannot be loaded (a dependency the WAR lacks) is
 * left out, as a container's scanner skips what it cannot read.
 */
final class WarScan {

    private final List<Class<?>> classes;

    private WarScan(List<Class<?>> classes) {
        this.classes = classes;
    }

    static WarScan of(Path war, ClassLoader loader) throws IOException {
        List<Class<?>> found = new ArrayList<>();
        for (String name : classNames(war)) {
            try {
                found.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                System.getLogger(WarScan.class.getName()).log(System.Logger.Level.DEBUG,
                        "Left out of the scan of " + war + ": " + name + " (" + e + ")");
            }
        }
        return new WarScan(List.copyOf(found));
    }

    /**
     * What an initializer whose {@code @HandlesTypes} names {@code types} is handed: the classes
     * annotated with one of the annotation types, and those that extend or implement one of the
     * other types (not the type itself).
     */
    Set<Class<?>> handledBy(Class<?>[] types) {
        Set<Class<?>> handled = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            for (Class<?> type : types) {
                if (type.isAnnotation() ? c.isAnnotationPresent(type.asSubclass(Annotation.class))
                        : c != type && type.isAssignableFrom(c)) {
                    handled.add(c);
                }
            }
        }
        return handled;
    }

    /** The classes annotated with {@code annotation}. */
    List<Class<?>> annotatedWith(Class<? extends Annotation> annotation) {
        return classes.stream().filter(c -> c.isAnnotationPresent(annotation)).toList();
    }

    private static List<String> classNames(Path war) throws IOException {
        List<String> names = new ArrayList<>();
        Path classesDir = war.resolve("WEB-INF/classes");
        if (Files.isDirectory(classesDir)) {
            try (Stream<Path> files = Files.walk(classesDir)) {
                files.filter(p -> isClassFile(p.toString())).sorted().forEach(p ->
                        names.add(className(classesDir.relativize(p).toString().replace('\\', '/'))));
            }
        }
        Path lib = war.resolve("WEB-INF/lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    try (JarFile file = new JarFile(jar.toFile())) {
                        for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                            String entry = e.nextElement().getName();
                            if (isClassFile(entry) && !entry.startsWith("META-INF/")) {
                                names.add(className(entry));
                            }
                        }
                    }
                }
            }
        }
        return names;
    }

    private static boolean isClassFile(String path) {
        return path.endsWith(".class") && !path.endsWith("module-info.class") && !path.endsWith("package-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
