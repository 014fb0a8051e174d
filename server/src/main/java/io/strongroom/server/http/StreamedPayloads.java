package io.strongroom.server.http;

import io.strongroom.iam.auth.RequestAuthenticator;
import io.strongroom.sigv4.AwsChunkedInputStream;
import io.strongroom.sigv4.PayloadMode;
import io.strongroom.sigv4.Sha256VerifyingInputStream;
import io.strongroom.sigv4.SignedRequest;
import java.io.InputStream;

/**
 * A streamed body, checked as its signature declared while the service reads it: the hash of a signed
 * body compared at its end, an aws-chunked body decoded with each chunk's signature verified, an
 * unsigned body passed as it is. A body that fails the check fails its read, and the service answers
 * with the error the stream gives.
 */
final class StreamedPayloads {
    private StreamedPayloads() {
    }

    static InputStream verified(InputStream raw, RequestAuthenticator.Authenticated authenticated,
                                SignedRequest request) {
        PayloadMode mode = authenticated.payloadMode();
        if (mode instanceof PayloadMode.SignedHex signed) {
            return new Sha256VerifyingInputStream(raw, signed);
        }
        if (mode.streaming()) {
            return AwsChunkedInputStream.forRequest(raw, mode, authenticated.chunkSigner(), request);
        }
        return raw;
    }
}
