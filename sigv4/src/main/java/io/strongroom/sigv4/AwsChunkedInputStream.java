package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decodes an aws-chunked S3 request body (the three streaming {@link PayloadMode}s) and checks it:
 * <pre>
 * &lt;hex size&gt;[;chunk-signature=&lt;64 hex&gt;]\r\n &lt;data&gt;\r\n   ... repeated ...
 * 0[;chunk-signature=&lt;64 hex&gt;]\r\n
 * [name:value\r\n ...  [x-amz-trailer-signature:&lt;64 hex&gt;\r\n]]   (trailer modes only)
 * \r\n
 * </pre>
 * In the signed modes every chunk's signature must chain from the request's seed signature
 * ({@link ChunkSigner}), so altered, reordered or dropped chunks fail; signed trailers must carry a
 * valid {@code x-amz-trailer-signature}. Only trailers announced in {@code x-amz-trailer} are accepted,
 * and each announced one must arrive; they are available from {@link #trailers()} at the end. When
 * {@code x-amz-decoded-content-length} is given the decoded bytes must add up to it exactly. Nothing
 * may follow the final CRLF: the encoded stream must end where the request body ends (as an HTTP
 * server's request stream does), since one more byte is read to make sure.
 *
 * <p>Data passes through as it arrives: a chunk's signature is checked as its last byte is read, the
 * trailers when the body ends. Until {@code read} returns -1 nothing read may be trusted (an object must
 * not be committed). Failures are {@link PayloadRejectedException}s carrying the S3 error:
 * <ul>
 *   <li>{@code SignatureDoesNotMatch} (403): a chunk or trailer signature is wrong;</li>
 *   <li>{@code IncompleteBody} (400): the body ends early (inside a chunk, before the final chunk or
 *       before the closing CRLF), or its decoded length differs from
 *       {@code x-amz-decoded-content-length};</li>
 *   <li>{@code InvalidRequest} (400): malformed encoding: a chunk size that is not hex or exceeds
 *       {@value #MAX_CHUNK_SIZE} bytes, a line longer than allowed or not ended by CRLF, a missing or
 *       unexpected chunk signature, data after the end, a malformed, repeated, unannounced or missing
 *       trailer, or a missing trailer signature.</li>
 * </ul>
 * Failures are sticky: later reads throw the same exception. Not thread-safe.
 */
public final class AwsChunkedInputStream extends InputStream {
    /** The largest chunk accepted (SDKs send 64 KiB to 1 MiB); larger sizes are taken as malformed. */
    public static final long MAX_CHUNK_SIZE = 64L * 1024 * 1024;
    /** The longest chunk header line (a 64 KiB chunk's is 86 characters). */
    public static final int MAX_CHUNK_LINE = 256;
    /** The longest trailer line. */
    public static final int MAX_TRAILER_LINE = 1024;
    /** The most trailers one body may announce and send (the trailer signature aside). */
    public static final int MAX_TRAILERS = 8;

    static final String DECODED_CONTENT_LENGTH = "x-amz-decoded-content-length";
    static final String TRAILER = "x-amz-trailer";
    static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";
    private static final String CHUNK_SIGNATURE = "chunk-signature=";
    private static final int MAX_SIZE_DIGITS = 16;
    private static final byte[] EMPTY_SHA256 = Sha256.digest(new byte[0]);

    private final InputStream in;
    /** The bytes of the chunk header or trailer being read; the longest line allowed fits. */
    private final byte[] lineBytes = new byte[Math.max(MAX_CHUNK_LINE, MAX_TRAILER_LINE)];
    private final PayloadMode mode;
    private final ChunkSigner signer;
    private final OptionalLong declaredLength;
    private final Set<String> announcedTrailers;
    private final MessageDigest chunkDigest;
    private String previousSignature;
    private byte[] chunkSignature;
    private long remaining;
    private long decodedLength;
    private boolean ended;
    private Map<String, String> trailers;
    private PayloadRejectedException failure;
    private final byte[] single = new byte[1];

    /**
     * @param encoded              the raw (aws-chunked) request body
     * @param mode                 the request's verified payload mode; must be a streaming one
     * @param chunkSigner          the request's chunk signer: present exactly when the mode has signed chunks
     * @param decodedContentLength {@code x-amz-decoded-content-length}, when the request sent it
     * @param announcedTrailers    the names in {@code x-amz-trailer} (any case); empty unless the mode has trailers
     * @throws IllegalArgumentException when the mode is not streaming or does not match the chunk signer, or
     *                                  the trailer names are not acceptable (that message is safe to show the client)
     */
    public AwsChunkedInputStream(InputStream encoded, PayloadMode mode, Optional<ChunkSigner> chunkSigner,
            OptionalLong decodedContentLength, Collection<String> announcedTrailers) {
        requireNonNull(encoded, "encoded");
        this.mode = requireStreaming(requireNonNull(mode, "mode"));
        this.signer = requireNonNull(chunkSigner, "chunkSigner").orElse(null);
        this.declaredLength = requireNonNull(decodedContentLength, "decodedContentLength");
        if (mode.signedChunks() != chunkSigner.isPresent()) {
            throw new IllegalArgumentException("A chunk signer comes with, and only with, signed chunks.");
        }
        if (decodedContentLength.isPresent() && decodedContentLength.getAsLong() < 0) {
            throw new IllegalArgumentException("x-amz-decoded-content-length must not be negative.");
        }
        this.announcedTrailers = trailerNames(mode, requireNonNull(announcedTrailers, "announcedTrailers"));
        this.in = new BufferedInputStream(encoded);
        this.chunkDigest = signer == null ? null : Sha256.freshDigest();
        this.previousSignature = signer == null ? null : signer.seedSignature();
    }

    /** Decodes the body of a verified request: its payload mode and chunk signer. */
    public AwsChunkedInputStream(InputStream encoded, VerifiedSignature verified, OptionalLong decodedContentLength,
            Collection<String> announcedTrailers) {
        this(encoded, requireNonNull(verified, "verified").payloadMode(), verified.chunkSigner(),
                decodedContentLength, announcedTrailers);
    }

    /**
     * Decodes the body of a request verified with the given payload mode and chunk signer, reading
     * {@code x-amz-decoded-content-length} and {@code x-amz-trailer} from its headers (the request's body,
     * if any, is ignored).
     *
     * @throws AwsException             {@code InvalidArgument} (400) for a malformed
     *                                  {@code x-amz-decoded-content-length}, {@code InvalidRequest} (400) for an
     *                                  unacceptable {@code x-amz-trailer}
     * @throws IllegalArgumentException when the payload mode is not a streaming one or does not match the signer
     */
    public static AwsChunkedInputStream forRequest(InputStream encoded, PayloadMode mode,
            Optional<ChunkSigner> chunkSigner, SignedRequest request) {
        requireNonNull(mode, "mode");
        requireNonNull(chunkSigner, "chunkSigner");
        requireNonNull(request, "request");
        requireStreaming(mode);
        if (mode.signedChunks() != chunkSigner.isPresent()) {
            throw new IllegalArgumentException("A chunk signer comes with, and only with, signed chunks.");
        }
        OptionalLong decodedLength = decodedContentLength(request.headerValues(DECODED_CONTENT_LENGTH));
        List<String> announced = request.headerValues(TRAILER).stream()
                .flatMap(value -> List.of(value.split(",", -1)).stream())
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
        try {
            return new AwsChunkedInputStream(encoded, mode, chunkSigner, decodedLength, announced);
        } catch (IllegalArgumentException e) {
            throw new AwsException(PayloadRejectedException.INVALID_REQUEST, 400, e.getMessage());
        }
    }

    /** {@link #forRequest(InputStream, PayloadMode, Optional, SignedRequest)} for a verified request. */
    public static AwsChunkedInputStream forRequest(InputStream encoded, VerifiedSignature verified,
            SignedRequest request) {
        requireNonNull(verified, "verified");
        return forRequest(encoded, verified.payloadMode(), verified.chunkSigner(), request);
    }

    /**
     * The trailers sent after the last chunk, by lower-case name, in name order; empty for a mode without
     * trailers. Known only once the body has been read to its end.
     *
     * @throws IllegalStateException before {@code read} has returned -1
     */
    public Map<String, String> trailers() {
        if (!ended) {
            throw new IllegalStateException("Trailers are known once the body has been read to its end.");
        }
        return trailers;
    }

    /** How many decoded bytes have been read so far. */
    public long decodedLength() {
        return decodedLength;
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
        try {
            while (remaining == 0) {
                if (!startChunk()) {
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw PayloadRejectedException.incompleteBody("The aws-chunked body ended inside a chunk.");
            }
            if (chunkDigest != null) {
                chunkDigest.update(buffer, offset, n);
            }
            remaining -= n;
            decodedLength += n;
            if (remaining == 0) {
                endChunk();
            }
            return n;
        } catch (PayloadRejectedException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads a chunk header; false once the final chunk and everything after it have been read. */
    private boolean startChunk() throws IOException {
        String line = readLine(MAX_CHUNK_LINE, "before its final zero-length chunk");
        int semicolon = line.indexOf(';');
        long size = chunkSize(semicolon < 0 ? line : line.substring(0, semicolon));
        chunkSignature = chunkSignature(semicolon < 0 ? null : line.substring(semicolon + 1));
        if (declaredLength.isPresent() && size > declaredLength.getAsLong() - decodedLength) {
            throw PayloadRejectedException.incompleteBody("The aws-chunked body carries more than the "
                    + declaredLength.getAsLong() + " bytes of x-amz-decoded-content-length.");
        }
        if (size > 0) {
            remaining = size;
            return true;
        }
        verifyChunk(EMPTY_SHA256);
        if (declaredLength.isPresent() && decodedLength != declaredLength.getAsLong()) {
            throw PayloadRejectedException.incompleteBody("The aws-chunked body carries " + decodedLength
                    + " bytes, not the " + declaredLength.getAsLong() + " of x-amz-decoded-content-length.");
        }
        Map<String, String> received = mode.trailers() ? readTrailers() : readClosingLine();
        if (in.read() >= 0) {
            throw PayloadRejectedException.invalidRequest("Data follows the end of the aws-chunked body.");
        }
        trailers = received;
        ended = true;
        return false;
    }

    private void endChunk() throws IOException {
        verifyChunk(chunkDigest == null ? null : chunkDigest.digest());
        readCrlf();
    }

    private void verifyChunk(byte[] dataSha256) throws PayloadRejectedException {
        if (signer == null) {
            return;
        }
        byte[] expected = signer.chunkSignature(previousSignature, dataSha256);
        if (!MessageDigest.isEqual(expected, chunkSignature)) {
            throw PayloadRejectedException.signatureMismatch();
        }
        previousSignature = Hex.encode(chunkSignature);
    }

    private static long chunkSize(String text) throws PayloadRejectedException {
        if (text.isEmpty() || text.length() > MAX_SIZE_DIGITS) {
            throw PayloadRejectedException.invalidRequest("Invalid aws-chunked chunk size '" + text + "'.");
        }
        long size = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = hexDigit(text.charAt(i));
            if (digit < 0) {
                throw PayloadRejectedException.invalidRequest("Invalid aws-chunked chunk size '" + text + "'.");
            }
            size = size * 16 + digit;
            if (size > MAX_CHUNK_SIZE) {
                throw PayloadRejectedException.invalidRequest(
                        "An aws-chunked chunk may carry at most " + MAX_CHUNK_SIZE + " bytes.");
            }
        }
        return size;
    }

    /** The chunk signature from the chunk extension; required in the signed modes, refused in the others. */
    private byte[] chunkSignature(String extension) throws PayloadRejectedException {
        if (signer == null) {
            if (extension != null) {
                throw PayloadRejectedException.invalidRequest(
                        "Chunk extensions are not expected in an unsigned aws-chunked body.");
            }
            return null;
        }
        if (extension == null || !extension.startsWith(CHUNK_SIGNATURE)) {
            throw PayloadRejectedException.invalidRequest("Every chunk of a signed aws-chunked body needs a"
                    + " ';chunk-signature=' extension.");
        }
        String hex = extension.substring(CHUNK_SIGNATURE.length());
        if (!Hex.isSha256Hex(hex)) {
            throw PayloadRejectedException.invalidRequest("A chunk-signature must be 64 hexadecimal characters.");
        }
        return Hex.decodeSha256(hex);
    }

    private Map<String, String> readClosingLine() throws IOException {
        String line = readLine(MAX_TRAILER_LINE, "before its closing CRLF");
        if (!line.isEmpty()) {
            throw PayloadRejectedException.invalidRequest("Trailers are only accepted with a"
                    + " STREAMING-...-TRAILER x-amz-content-sha256 and an x-amz-trailer header.");
        }
        return Map.of();
    }

    private Map<String, String> readTrailers() throws IOException {
        TreeMap<String, String> received = new TreeMap<>();
        String signature = null;
        for (String line = readTrailerLine(); !line.isEmpty(); line = readTrailerLine()) {
            if (signature != null) {
                throw PayloadRejectedException.invalidRequest(TRAILER_SIGNATURE + " must be the last trailer.");
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!isToken(name)) {
                throw PayloadRejectedException.invalidRequest("Malformed trailer: expected name:value.");
            }
            String value = line.substring(colon + 1).strip();
            if (signer != null && name.equals(TRAILER_SIGNATURE)) {
                signature = value;
                continue;
            }
            if (!announcedTrailers.contains(name)) {
                throw PayloadRejectedException.invalidRequest(
                        "The trailer '" + name + "' was not announced in x-amz-trailer.");
            }
            if (received.putIfAbsent(name, value) != null) {
                throw PayloadRejectedException.invalidRequest("The trailer '" + name + "' appears more than once.");
            }
        }
        for (String name : announcedTrailers) {
            if (!received.containsKey(name)) {
                throw PayloadRejectedException.invalidRequest(
                        "The trailer '" + name + "' announced in x-amz-trailer was not sent.");
            }
        }
        if (signer != null) {
            verifyTrailers(signature, received);
        }
        return Collections.unmodifiableMap(received);
    }

    private String readTrailerLine() throws IOException {
        return readLine(MAX_TRAILER_LINE, "inside its trailers");
    }

    /** The signature covers the trailers as SigV4 canonical headers: sorted, {@code name:value\n} each. */
    private void verifyTrailers(String signature, TreeMap<String, String> received) throws PayloadRejectedException {
        if (signature == null) {
            throw PayloadRejectedException.invalidRequest("Signed trailers need an " + TRAILER_SIGNATURE + ".");
        }
        if (!Hex.isSha256Hex(signature)) {
            throw PayloadRejectedException.invalidRequest(
                    TRAILER_SIGNATURE + " must be 64 hexadecimal characters.");
        }
        StringBuilder canonical = new StringBuilder();
        received.forEach((name, value) ->
                canonical.append(name).append(':').append(CanonicalHeaders.trimAll(value)).append('\n'));
        byte[] expected = signer.trailerSignature(previousSignature, Sha256.digest(canonical.toString()));
        if (!MessageDigest.isEqual(expected, Hex.decodeSha256(signature))) {
            throw PayloadRejectedException.signatureMismatch();
        }
    }

    private void readCrlf() throws IOException {
        int cr = in.read();
        int lf = cr < 0 ? -1 : in.read();
        if (lf < 0) {
            throw PayloadRejectedException.incompleteBody("The aws-chunked body ended after a chunk's data.");
        }
        if (cr != '\r' || lf != '\n') {
            throw PayloadRejectedException.invalidRequest(
                    "A chunk's data must be followed by CRLF: its size does not match its data.");
        }
    }

    /** One CRLF-ended line of visible ASCII (tabs allowed), without the CRLF. */
    private String readLine(int maxLength, String where) throws IOException {
        int length = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw PayloadRejectedException.incompleteBody("The aws-chunked body ended " + where + ".");
            }
            if (c == '\r') {
                int lf = in.read();
                if (lf < 0) {
                    throw PayloadRejectedException.incompleteBody("The aws-chunked body ended " + where + ".");
                }
                if (lf != '\n') {
                    throw PayloadRejectedException.invalidRequest("An aws-chunked line must end with CRLF.");
                }
                return new String(lineBytes, 0, length, StandardCharsets.ISO_8859_1); // printable ASCII only
            }
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                throw PayloadRejectedException.invalidRequest(
                        "An aws-chunked line holds a control or non-ASCII character, or does not end with CRLF.");
            }
            if (length >= maxLength) {
                throw PayloadRejectedException.invalidRequest(
                        "An aws-chunked line is longer than " + maxLength + " characters.");
            }
            lineBytes[length++] = (byte) c;
        }
    }

    private static PayloadMode requireStreaming(PayloadMode mode) {
        if (!mode.streaming()) {
            throw new IllegalArgumentException("Not an aws-chunked payload: " + mode);
        }
        return mode;
    }

    private static Set<String> trailerNames(PayloadMode mode, Collection<String> names) {
        Set<String> normalised = new LinkedHashSet<>();
        for (String name : names) {
            String lower = name.strip().toLowerCase(Locale.ROOT);
            if (!isToken(lower)) {
                throw new IllegalArgumentException("x-amz-trailer names an invalid trailer '" + name + "'.");
            }
            if (lower.equals(TRAILER_SIGNATURE)) {
                throw new IllegalArgumentException("x-amz-trailer must not name " + TRAILER_SIGNATURE + ".");
            }
            normalised.add(lower);
        }
        if (!normalised.isEmpty() && !mode.trailers()) {
            throw new IllegalArgumentException("x-amz-trailer requires x-amz-content-sha256 "
                    + PayloadHash.STREAMING_SIGNED_TRAILER + " or " + PayloadHash.STREAMING_UNSIGNED_TRAILER + ".");
        }
        if (normalised.size() > MAX_TRAILERS) {
            throw new IllegalArgumentException("x-amz-trailer may name at most " + MAX_TRAILERS + " trailers.");
        }
        return Collections.unmodifiableSet(normalised);
    }

    private static OptionalLong decodedContentLength(List<String> values) {
        if (values.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = values.get(0).strip();
        if (values.size() > 1 || value.isEmpty() || value.length() > 18
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new AwsException("InvalidArgument", 400,
                    "x-amz-decoded-content-length must be a single non-negative number.");
        }
        return OptionalLong.of(Long.parseLong(value));
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
