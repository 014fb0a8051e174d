package io.strongroom.protocol.s3;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.s3.CustomerKey;
import io.strongroom.s3.WriteConditions;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSE-C headers of a request, for the object it writes or reads and (with the
 * {@code x-amz-copy-source-} prefix) for the source it copies, and the conditional-write headers.
 */
final class CustomerKeyHeaders {
    private static final String PREFIX = "x-amz-server-side-encryption-customer-";
    private static final String COPY_SOURCE_PREFIX = "x-amz-copy-source-server-side-encryption-customer-";

    private CustomerKeyHeaders() {
    }

    /** The key of the object the request writes or reads, if it sends one. */
    static Optional<CustomerKey> of(ApiRequest request) {
        return read(request, PREFIX);
    }

    /** The key of the copy source, if the request sends one. */
    static Optional<CustomerKey> ofCopySource(ApiRequest request) {
        return read(request, COPY_SOURCE_PREFIX);
    }

    /**
     * S3 takes a customer's key over TLS only: a key sent in the clear is refused (it has been exposed
     * already, but at least nothing is stored under it).
     */
    static void requireSecureTransport(ApiRequest request) {
        if (request.secure()) {
            return;
        }
        boolean sendsKey = request.headers().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT))
                .anyMatch(name -> name.startsWith(PREFIX) || name.startsWith(COPY_SOURCE_PREFIX));
        if (sendsKey) {
            throw new AwsException("InvalidRequest", 400, "Requests specifying Server Side Encryption with Customer"
                    + " provided keys must be made over a secure connection.");
        }
    }

    /** If-Match and If-None-Match of a write (PutObject, CopyObject, CompleteMultipartUpload). */
    static WriteConditions writeConditions(ApiRequest request) {
        return new WriteConditions(request.header("If-Match"), request.header("If-None-Match"));
    }

    private static Optional<CustomerKey> read(ApiRequest request, String prefix) {
        return CustomerKey.of(request.header(prefix + "algorithm"), request.header(prefix + "key"),
                request.header(prefix + "key-MD5"));
    }
}
