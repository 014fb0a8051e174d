package io.strongroom.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import org.junit.jupiter.api.Test;

class ReadOnlyBytesChannelTest {
    private final ReadOnlyBytesChannel channel = new ReadOnlyBytesChannel(new byte[] {1, 2, 3, 4, 5});

    @Test
    void readsFromItsPositionAndFindsTheEnd() throws IOException {
        ByteBuffer three = ByteBuffer.allocate(3);

        assertThat(channel.read(three)).isEqualTo(3);
        assertThat(three.array()).containsExactly(1, 2, 3);
        assertThat(channel.position()).isEqualTo(3);
        ByteBuffer rest = ByteBuffer.allocate(8);
        assertThat(channel.read(rest)).isEqualTo(2);
        assertThat(rest.flip().get(0)).isEqualTo((byte) 4);
        assertThat(channel.read(rest)).isEqualTo(-1);
        assertThat(channel.size()).isEqualTo(5);
    }

    @Test
    void seeksAnywhereIncludingPastTheEndButNotBeforeTheStart() throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);

        channel.position(4).read(one);
        assertThat(one.get(0)).isEqualTo((byte) 5);
        assertThat(channel.position(100).read(ByteBuffer.allocate(1))).isEqualTo(-1);
        assertThatThrownBy(() -> channel.position(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(channel.position()).isEqualTo(100);
    }

    @Test
    void refusesWritesAndEverythingOnceClosed() throws IOException {
        assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
        assertThatThrownBy(() -> channel.truncate(0)).isInstanceOf(NonWritableChannelException.class);

        channel.close();

        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(channel::position).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(channel::size).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> channel.position(0)).isInstanceOf(ClosedChannelException.class);
    }
}
