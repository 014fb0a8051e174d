package io.strongroom.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What a GetObject returns: the version and the plaintext of the bytes asked for, decrypted as they
 * are read. The caller closes it.
 *
 * @param first  the first byte returned
 * @param length how many bytes {@link #body} yields
 * @param ranged whether a range was asked for (206 rather than 200)
 */
public record ObjectContent(ObjectVersion version, long first, long length, boolean ranged, InputStream body)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
