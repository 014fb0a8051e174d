package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A body whose {@code x-amz-content-sha256} was a hex SHA-256 ({@link PayloadMode.SignedHex}), read
 * through: the bytes pass as they arrive and, when the body ends, its digest is compared with the
 * signed one. A mismatch fails that last read with a {@link PayloadRejectedException} carrying
 * {@link SigV4Exception.Reason#CONTENT_SHA256_MISMATCH} (S3: {@code XAmzContentSHA256Mismatch}, 400).
 * So nothing read may be trusted (an object must not be committed) until {@code read} has returned -1.
 * Failures are sticky: every later read throws the same exception. Not thread-safe.
 */
public final class Sha256VerifyingInputStream extends InputStream {
    private final InputStream body;
    private final byte[] expected;
    private final MessageDigest digest = Sha256.freshDigest();
    private boolean ended;
    private PayloadRejectedException failure;
    private final byte[] single = new byte[1];

    /**
     * @param body              the raw request body
     * @param expectedSha256Hex the signed {@code x-amz-content-sha256}, 64 hex digits (either case)
     */
    public Sha256VerifyingInputStream(InputStream body, String expectedSha256Hex) {
        this.body = requireNonNull(body, "body");
        requireNonNull(expectedSha256Hex, "expectedSha256Hex");
        if (!Hex.isSha256Hex(expectedSha256Hex)) {
            throw new IllegalArgumentException("expectedSha256Hex must be 64 hexadecimal characters");
        }
        this.expected = HexFormat.of().parseHex(expectedSha256Hex.toLowerCase(Locale.ROOT));
    }

    /** Checks a body declared by {@link PayloadMode.SignedHex}. */
    public Sha256VerifyingInputStream(InputStream body, PayloadMode.SignedHex payloadMode) {
        this(body, requireNonNull(payloadMode, "payloadMode").sha256Hex());
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n <= 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = body.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            return n;
        }
        if (n == 0) {
            return 0;
        }
        ended = true;
        if (!MessageDigest.isEqual(expected, digest.digest())) {
            failure = PayloadRejectedException.contentSha256Mismatch();
            throw failure;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
