package io.strongroom.s3;

import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.ReadOnlyBytesChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A {@link BlobStore} in memory, for domain tests: committed blobs by id, writes in progress counted. */
final class InMemoryBlobStore implements BlobStore {
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    int openWriters;

    @Override
    public synchronized BlobWriter create() {
        openWriters++;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        return new BlobWriter() {
            private boolean done;

            @Override
            public OutputStream output() {
                return bytes;
            }

            @Override
            public String commit() {
                String id = UUID.randomUUID().toString().replace("-", "");
                blobs.put(id, bytes.toByteArray());
                close();
                return id;
            }

            @Override
            public void close() {
                synchronized (InMemoryBlobStore.this) {
                    if (!done) {
                        done = true;
                        openWriters--;
                    }
                }
            }
        };
    }

    @Override
    public SeekableByteChannel open(String blobId) throws IOException {
        byte[] blob = blobs.get(blobId);
        if (blob == null) {
            throw new NoSuchFileException(blobId);
        }
        return new ReadOnlyBytesChannel(blob);
    }

    @Override
    public void delete(String blobId) {
        blobs.remove(blobId);
    }

    @Override
    public void forEachBlob(Consumer<String> consumer) {
        blobs.keySet().forEach(consumer);
    }

    @Override
    public int collectAbandonedWrites() {
        return 0;
    }
}
