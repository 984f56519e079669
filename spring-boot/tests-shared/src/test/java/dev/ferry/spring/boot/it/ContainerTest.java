package dev.ferry.spring.boot.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The servlet container and Boot version each test module claims to run on (surefire's
 * {@code expected.server} and {@code expected.boot}), so that the same tests really ran on each.
 */
@FerryBootTest
class ContainerTest {

    @Autowired
    ServletContext servletContext;

    @Test
    void runsOnTheExpectedContainerAndBoot() {
        String server = servletContext.getServerInfo();
        String expectedServer = System.getProperty("expected.server");
        assertTrue(expectedServer != null && server.startsWith(expectedServer),
                "server " + server + ", expected " + expectedServer);
        String boot = org.springframework.boot.SpringBootVersion.getVersion();
        String expectedBoot = System.getProperty("expected.boot");
        assertTrue(expectedBoot != null && boot.equals(expectedBoot), "Boot " + boot + ", expected " + expectedBoot);
    }
}
