package dev.ferry.embedded;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A web application's class loader over an exploded WAR ({@code WEB-INF/classes}, then the jars in
 * {@code WEB-INF/lib}), for containers without a deployer of their own (Undertow). It looks in the
 * WAR first, as Tomcat's and Jetty's web application loaders do: the tests' class path holds the
 * same classes as the WARs (the TCK's test classes are its endpoints), and an application must get
 * its own copies, static state included. What the server provides (the JDK, the Jakarta APIs,
 * Ferry, the container) always comes from the parent.
 */
final class WarClassLoader extends URLClassLoader {

    /** Packages the server provides; a WAR's copy of them would not be the server's type. */
    private static final String[] SERVER_PACKAGES = {"java.", "javax.", "jakarta.", "jdk.", "sun.",
        "io.undertow.", "org.xnio.", "org.jboss.", "org.wildfly."};

    static {
        registerAsParallelCapable();
    }

    WarClassLoader(String name, Path war, ClassLoader parent) throws IOException {
        super(name, urls(war), parent);
    }

    private static URL[] urls(Path war) throws IOException {
        List<URL> urls = new ArrayList<>();
        Path classes = war.resolve("WEB-INF/classes");
        if (Files.isDirectory(classes)) {
            urls.add(classes.toUri().toURL());
        }
        Path lib = war.resolve("WEB-INF/lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isServerClass(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notInWar) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /** The WAR's first here too: a service file in the WAR comes before the server's (ServiceLoader's order). */
    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        ClassLoader parent = getParent();
        if (parent != null) {
            all.addAll(Collections.list(parent.getResources(name)));
        }
        return Collections.enumeration(all);
    }

    private static boolean isServerClass(String name) {
        for (String prefix : SERVER_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
