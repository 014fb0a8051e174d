package io.strongroom.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class QueuedLineHandlerTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private List<String> messages() {
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> !line.isBlank())
                .map(line -> line.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1"))
                .toList();
    }

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("test");
        return record;
    }

    @Test
    void aWarningIsWrittenAtOnceAfterEveryLineQueuedBeforeIt() {
        QueuedLineHandler handler = new QueuedLineHandler(captured, new JsonLogFormatter());
        for (int i = 0; i < 1000; i++) {
            handler.publish(record(Level.INFO, "line" + i));
        }
        handler.publish(record(Level.WARNING, "the warning"));

        List<String> messages = messages(); // no flush, no wait: the warning's caller wrote it
        assertThat(messages).hasSize(1001).endsWith("the warning");
        assertThat(messages.subList(0, 1000)).isSortedAccordingTo((a, b) ->
                Integer.compare(Integer.parseInt(a.substring(4)), Integer.parseInt(b.substring(4))));
        handler.close();
    }

    @Test
    void routineLinesReachTheStreamWithoutAFlushFromTheCaller() throws Exception {
        QueuedLineHandler handler = new QueuedLineHandler(captured, new JsonLogFormatter());
        handler.publish(record(Level.INFO, "routine"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (messages().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(messages()).containsExactly("routine");
        handler.close();
    }

    @Test
    void moreLinesThanTheQueueHoldsAreAllWrittenInOrderNoneDropped() {
        QueuedLineHandler handler = new QueuedLineHandler(captured, new JsonLogFormatter());
        int count = QueuedLineHandler.QUEUE_CAPACITY * 2 + 17;
        for (int i = 0; i < count; i++) {
            handler.publish(record(Level.INFO, "line" + i));
        }
        handler.flush();
        List<String> messages = messages();
        assertThat(messages).hasSize(count).startsWith("line0").endsWith("line" + (count - 1));
        handler.close();
    }

    @Test
    void afterWriteThroughEveryLineIsWrittenByItsCaller() {
        QueuedLineHandler handler = new QueuedLineHandler(captured, new JsonLogFormatter());
        handler.publish(record(Level.INFO, "queued"));
        handler.writeThrough();
        assertThat(messages()).containsExactly("queued");
        handler.publish(record(Level.INFO, "during shutdown"));
        assertThat(messages()).containsExactly("queued", "during shutdown");
        handler.close();
    }

    @Test
    void aLineWrittenWhileServingARequestCarriesThatRequestsIdThoughAnotherThreadFormatsIt() {
        QueuedLineHandler handler = new QueuedLineHandler(captured, new JsonLogFormatter());
        try (var scope = RequestLogContext.enter("req-123")) {
            handler.publish(record(Level.INFO, "served"));
        }
        handler.flush();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("\"requestId\":\"req-123\"");
        handler.close();
    }
}
