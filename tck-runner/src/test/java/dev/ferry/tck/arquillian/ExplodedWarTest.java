package dev.ferry.tck.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context path each WAR gets (the official TCK relies on it) and what is written to disk. */
class ExplodedWarTest {

    @Test
    void contextPathIsTheArchiveNameWithoutWar() {
        assertEquals("/ws_session_web", ExplodedWar.contextPathOf("ws_session_web.war"));
        assertEquals("", ExplodedWar.contextPathOf("ROOT.war"));
    }

    @Test
    void explodesClassesUnderWebInfAndDeletesThemAgain(@TempDir Path parent) throws Exception {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "sample.war").addClass(ExplodedWarTest.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "lib.jar").addClass(ExplodedWar.class));
        ExplodedWar exploded = ExplodedWar.explode(war, parent);
        assertEquals("/sample", exploded.contextPath());
        assertTrue(Files.isRegularFile(exploded.directory().resolve("WEB-INF/classes/dev/ferry/tck/arquillian/ExplodedWarTest.class")));
        // Libraries stay jar files: Tomcat reads only jar files in WEB-INF/lib.
        assertTrue(Files.isRegularFile(exploded.directory().resolve("WEB-INF/lib/lib.jar")));
        exploded.delete();
        assertFalse(Files.exists(exploded.directory()));
    }
}
