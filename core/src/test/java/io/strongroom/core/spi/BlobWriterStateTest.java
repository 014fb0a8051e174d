package io.strongroom.core.spi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class BlobWriterStateTest {
    @Test
    void onlyAnOpenWriterCommits() {
        assertThatCode(BlobWriterState.OPEN::requireCommittable).doesNotThrowAnyException();
        assertThatThrownBy(BlobWriterState.COMMITTED::requireCommittable).isInstanceOf(IllegalStateException.class)
                .hasMessage("blob already committed");
        assertThatThrownBy(BlobWriterState.CLOSED::requireCommittable).isInstanceOf(IllegalStateException.class)
                .hasMessage("blob writer closed");
    }

    @Test
    void onlyAnOpenWriterTakesBytesAndOnlyThroughAnOpenStream() {
        assertThatCode(() -> BlobWriterState.OPEN.requireWritable(false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BlobWriterState.OPEN.requireWritable(true)).isInstanceOf(IOException.class)
                .hasMessage("stream closed");
        assertThatThrownBy(() -> BlobWriterState.COMMITTED.requireWritable(false)).isInstanceOf(IOException.class)
                .hasMessage("blob already committed");
        assertThatThrownBy(() -> BlobWriterState.CLOSED.requireWritable(true)).isInstanceOf(IOException.class)
                .hasMessage("blob writer closed");
    }
}
