package io.strongroom.protocol.s3;

import io.strongroom.sigv4.AwsChunkedInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/** The trailers of an aws-chunked body (a checksum sent after the data), readable once the body has been read. */
final class PayloadTrailers {
    private final AwsChunkedInputStream chunked;

    private PayloadTrailers(AwsChunkedInputStream chunked) {
        this.chunked = chunked;
    }

    static PayloadTrailers of(InputStream body) {
        return new PayloadTrailers(body instanceof AwsChunkedInputStream decoded ? decoded : null);
    }

    /** The trailer's value; empty when the body had no such trailer (or was not aws-chunked). */
    Optional<String> value(String name) {
        return chunked == null ? Optional.empty()
                : Optional.ofNullable(chunked.trailers().get(name.toLowerCase(Locale.ROOT)));
    }
}
