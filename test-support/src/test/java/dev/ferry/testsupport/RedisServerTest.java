package dev.ferry.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A Redis of a test's own: answers on its port, stops, starts again on the same port, leaves nothing behind. */
@RequiresPrograms(ExternalProgram.REDIS_SERVER)
class RedisServerTest {

    @Test
    void startsStopsAndStartsAgainOnTheSamePort() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            assertTrue(redis.answersPing());
            assertTrue(redis.uri().endsWith(":" + redis.port()));
            redis.stop();
            assertFalse(redis.answersPing());
            redis.startAgain();
            assertTrue(redis.answersPing());
        }
    }
}
