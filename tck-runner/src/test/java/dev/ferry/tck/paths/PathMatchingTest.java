package dev.ferry.tck.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Section 3.1.1: exact paths beat templates; among templates the earliest literal segment wins. */
class PathMatchingTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("paths", PathMatchingApp.class);
    }

    private String greetingAt(String path) throws Exception {
        return connect(path).nextText();
    }

    @Test
    void exactPathBeatsTemplate() throws Exception {
        assertEquals("/a/b {}", greetingAt("a/b"));
    }

    @Test
    void templateMatchesOtherValues() throws Exception {
        assertEquals("/a/{x} {x=zzz}", greetingAt("a/zzz"));
    }

    @Test
    void literalInAnEarlierSegmentWins() throws Exception {
        // /a/b/c fits /{p}/b/c, /a/{x}/c, /a/b/{y} and /a/{x}/{y}: "/a/b/{y}" keeps literals longest.
        assertEquals("/a/b/{y} {y=c}", greetingAt("a/b/c"));
    }

    @Test
    void literalBeatsVariableInTheSameSegment() throws Exception {
        // /a/q/c fits /a/{x}/c and /a/{x}/{y}: the literal "c" wins.
        assertEquals("/a/{x}/c {x=q}", greetingAt("a/q/c"));
    }

    @Test
    void twoVariablesWhenNoLiteralFits() throws Exception {
        assertEquals("/a/{x}/{y} {x=q, y=r}", greetingAt("a/q/r"));
    }

    @Test
    void variableFirstTemplateWhenTheFirstSegmentIsOther() throws Exception {
        assertEquals("/{p}/b/c {p=z}", greetingAt("z/b/c"));
    }

    @Test
    void segmentCountMustMatch() {
        assertThrows(Exception.class, () -> connect("a/b/c/d"), "no endpoint has four segments");
        assertThrows(Exception.class, () -> connect("a"), "no endpoint has one segment");
    }
}
