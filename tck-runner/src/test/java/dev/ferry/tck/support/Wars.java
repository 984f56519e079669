package dev.ferry.tck.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Small WARs: the given classes (with their nested classes) under WEB-INF/classes, no Ferry jar. */
public final class Wars {

    private Wars() {
    }

    /** A WAR served at {@code /name}. */
    public static WebArchive of(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war").addClasses(classes);
    }
}
