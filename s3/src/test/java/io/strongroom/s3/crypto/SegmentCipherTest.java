package io.strongroom.s3.crypto;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import io.strongroom.core.spi.ReadOnlyBytesChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentCipherTest {
    private static final int SEGMENT = SegmentCipher.CIPHERTEXT_SEGMENT_SIZE;
    private static final int HEADER = 40;
    private static final int TAG = 16;
    /** Plaintext bytes in the first segment, and in each later one. */
    private static final int FIRST_PLAINTEXT = SEGMENT - HEADER - TAG;
    private static final int PLAINTEXT = SEGMENT - TAG;
    /** Three full segments and half of a fourth. */
    private static final int THREE_AND_A_HALF = FIRST_PLAINTEXT + 2 * PLAINTEXT + PLAINTEXT / 2;

    private static final byte[] KEY = bytes(32, 1);
    private static final byte[] AAD = SegmentCipher.associatedData("bucket", "photos/cat.jpg", "v1");
    private static final byte[] BODY = bytes(THREE_AND_A_HALF, 2);
    private static final byte[] CIPHERTEXT = encrypt(KEY, AAD, BODY);

    private final SegmentCipher cipher = new SegmentCipher(KEY);

    static List<Integer> sizes() {
        return List.of(0, 1, 2, FIRST_PLAINTEXT - 1, FIRST_PLAINTEXT, FIRST_PLAINTEXT + 1,
                FIRST_PLAINTEXT + PLAINTEXT - 1, FIRST_PLAINTEXT + PLAINTEXT, FIRST_PLAINTEXT + PLAINTEXT + 1,
                THREE_AND_A_HALF);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void roundTripsBodiesOfEverySizeAroundTheSegmentBoundaries(int size) throws IOException {
        byte[] body = bytes(size, size);
        byte[] ciphertext = encrypt(KEY, AAD, body);

        assertThat(decryptAll(cipher, ciphertext, AAD)).isEqualTo(body);
        assertThat(readChannel(cipher.decryptingChannel(new ReadOnlyBytesChannel(ciphertext), AAD.clone())))
                .isEqualTo(body);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void ciphertextSizeIsTheSizeOfTheRealCiphertext(int size) throws GeneralSecurityException {
        byte[] ciphertext = encrypt(KEY, AAD, bytes(size, 3));

        assertThat(SegmentCipher.ciphertextSize(size)).isEqualTo(ciphertext.length);
        AesGcmHkdfStreaming tink = new AesGcmHkdfStreaming(KEY, "HmacSha256", 32, SEGMENT, 0);
        assertThat(SegmentCipher.ciphertextSize(size)).isEqualTo(tink.expectedCiphertextSize(size));
    }

    @Test
    void theSegmentSizesAreThoseDocumented() {
        assertThat(SegmentCipher.ciphertextSize(0)).isEqualTo(HEADER + TAG);
        assertThat(SegmentCipher.ciphertextSize(1)).isEqualTo(HEADER + 1 + TAG);
        assertThat(SegmentCipher.ciphertextSize(FIRST_PLAINTEXT)).isEqualTo(SEGMENT);
        assertThat(SegmentCipher.ciphertextSize(FIRST_PLAINTEXT + 1)).isEqualTo(SEGMENT + 1 + TAG);
        assertThat(SegmentCipher.ciphertextSize(FIRST_PLAINTEXT + PLAINTEXT)).isEqualTo(2L * SEGMENT);
        assertThat(SegmentCipher.ciphertextSize(5L << 40)).isEqualTo(HEADER + (5L << 40)
                + ((5L << 40) + HEADER + PLAINTEXT - 1) / PLAINTEXT * TAG);
    }

    @Test
    void ciphertextSizeRefusesANegativeSize() {
        assertThatThrownBy(() -> SegmentCipher.ciphertextSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRangeAroundTheSegmentBoundariesIsThePlaintextSlice() throws IOException {
        TreeSet<Long> points = new TreeSet<>();
        for (long boundary : new long[] {0, FIRST_PLAINTEXT, FIRST_PLAINTEXT + PLAINTEXT,
                FIRST_PLAINTEXT + 2L * PLAINTEXT, THREE_AND_A_HALF}) {
            LongStream.of(boundary - 1, boundary, boundary + 1)
                    .filter(p -> p >= 0 && p <= THREE_AND_A_HALF)
                    .forEach(points::add);
        }
        List<Long> sorted = new ArrayList<>(points);
        int ranges = 0;
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i; j < sorted.size(); j++) {
                long start = sorted.get(i);
                long end = sorted.get(j);
                byte[] expected = Arrays.copyOfRange(BODY, (int) start, (int) end);
                try (InputStream range = cipher.decryptingStream(new ReadOnlyBytesChannel(CIPHERTEXT), AAD, start,
                        end - start)) {
                    assertThat(range.readAllBytes()).as("[%d, %d)", start, end).isEqualTo(expected);
                }
                ranges++;
            }
        }
        assertThat(ranges).isEqualTo(91);
    }

    @Test
    void aRangedReadDecryptsOnlyTheSegmentsItTouches() throws IOException {
        // every segment but the third is corrupted: a range inside the third still reads, so no other was
        // read and authenticated
        byte[] elsewhereForged = CIPHERTEXT.clone();
        elsewhereForged[HEADER + 5] ^= 1;
        elsewhereForged[SEGMENT + 5] ^= 1;
        elsewhereForged[3 * SEGMENT + 5] ^= 1;
        long start = FIRST_PLAINTEXT + PLAINTEXT + 10;
        try (InputStream range = cipher.decryptingStream(new ReadOnlyBytesChannel(elsewhereForged), AAD, start,
                100)) {
            assertThat(range.readAllBytes()).isEqualTo(Arrays.copyOfRange(BODY, (int) start, (int) start + 100));
        }
        try (InputStream whole = cipher.decryptingStream(new ReadOnlyBytesChannel(elsewhereForged), AAD, 0, 10)) {
            assertThatThrownBy(whole::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theChannelReadsAnyPositionInAnyOrder() throws IOException {
        Random random = new Random(7);
        try (SeekableByteChannel plaintext = cipher.decryptingChannel(new ReadOnlyBytesChannel(CIPHERTEXT), AAD)) {
            assertThat(plaintext.size()).isEqualTo(THREE_AND_A_HALF);
            for (int i = 0; i < 50; i++) {
                int start = random.nextInt(THREE_AND_A_HALF);
                int length = Math.min(random.nextInt(3 * PLAINTEXT / 2), THREE_AND_A_HALF - start);
                ByteBuffer buffer = ByteBuffer.allocate(length);
                plaintext.position(start);
                while (buffer.hasRemaining() && plaintext.read(buffer) >= 0) {
                    // keep reading
                }
                assertThat(buffer.array()).isEqualTo(Arrays.copyOfRange(BODY, start, start + length));
            }
        }
    }

    @Test
    void aRangeOfNothingIsEmpty() throws IOException {
        try (InputStream range = cipher.decryptingStream(new ReadOnlyBytesChannel(CIPHERTEXT), AAD, 5, 0)) {
            assertThat(range.read()).isEqualTo(-1);
        }
    }

    @Test
    void theRangeStreamReadsSingleBytesAndSkips() throws IOException {
        try (InputStream range = cipher.decryptingStream(new ReadOnlyBytesChannel(CIPHERTEXT), AAD,
                FIRST_PLAINTEXT - 2, 10)) {
            assertThat(range.read()).isEqualTo(BODY[FIRST_PLAINTEXT - 2] & 0xff);
            assertThat(range.skip(3)).isEqualTo(3);
            assertThat(range.readAllBytes()).isEqualTo(Arrays.copyOfRange(BODY, FIRST_PLAINTEXT + 2,
                    FIRST_PLAINTEXT + 8));
            assertThat(range.read()).isEqualTo(-1);
            assertThat(range.skip(5)).isZero();
        }
    }

    @Test
    void aRangeBeyondTheBodyFailsRatherThanComingUpShort() throws IOException {
        byte[] small = encrypt(KEY, AAD, bytes(100, 4));
        try (InputStream range = cipher.decryptingStream(new ReadOnlyBytesChannel(small), AAD, 50, 51)) {
            assertThatThrownBy(range::readAllBytes).isInstanceOf(EOFException.class);
        }
        try (InputStream range = cipher.decryptingStream(new ReadOnlyBytesChannel(small), AAD, 200, 1)) {
            assertThatThrownBy(range::readAllBytes).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void aRangeWithANegativeOffsetOrLengthIsRefused() {
        assertThatThrownBy(() -> cipher.decryptingStream(new ReadOnlyBytesChannel(CIPHERTEXT), AAD, -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decryptingStream(new ReadOnlyBytesChannel(CIPHERTEXT), AAD, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingTheRangeStreamClosesTheStoredChannel() throws IOException {
        ReadOnlyBytesChannel stored = new ReadOnlyBytesChannel(CIPHERTEXT);
        cipher.decryptingStream(stored, AAD, 0, 10).close();
        assertThat(stored.isOpen()).isFalse();
    }

    @Test
    void encryptionIsRandomised() {
        assertThat(encrypt(KEY, AAD, bytes(10, 5))).isNotEqualTo(encrypt(KEY, AAD, bytes(10, 5)));
    }

    @Test
    void theCiphertextDoesNotContainThePlaintext() {
        byte[] body = "a very recognisable plaintext".repeat(10).getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = encrypt(KEY, AAD, body);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("recognisable");
    }

    // ---- integrity

    static List<Integer> tamperedOffsets() {
        return List.of(0, 1, HEADER - 1, HEADER, HEADER + 1000, SEGMENT - 1, SEGMENT, 2 * SEGMENT + 5,
                3 * SEGMENT - TAG, CIPHERTEXT.length - TAG - 1, CIPHERTEXT.length - 1);
    }

    @ParameterizedTest
    @MethodSource("tamperedOffsets")
    void aFlippedBitAnywhereFailsTheReadAndReleasesOnlyTruePlaintext(int offset) {
        byte[] tampered = CIPHERTEXT.clone();
        tampered[offset] ^= 0x01;

        assertFailsWithoutWrongPlaintext(cipher, tampered, AAD, BODY);
    }

    @Test
    void aTamperedSegmentFailsEveryRangeThatTouchesIt() {
        byte[] tampered = CIPHERTEXT.clone();
        tampered[SEGMENT + 10] ^= (byte) 0x80;
        assertThatThrownBy(() -> readRange(cipher, tampered, FIRST_PLAINTEXT + 5, 1))
                .satisfies(SegmentCipherTest::isIntegrityFailure);
        assertThatThrownBy(() -> readRange(cipher, tampered, FIRST_PLAINTEXT - 1, 2))
                .satisfies(SegmentCipherTest::isIntegrityFailure);
    }

    @Test
    void theLastSegmentCannotBeDropped() {
        byte[] truncated = Arrays.copyOf(CIPHERTEXT, 3 * SEGMENT);
        assertFailsWithoutWrongPlaintext(cipher, truncated, AAD, BODY);
        assertThatThrownBy(() -> readRange(cipher, truncated, FIRST_PLAINTEXT + 2L * PLAINTEXT, 10))
                .satisfies(SegmentCipherTest::isIntegrityFailure);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, TAG, TAG + 1, PLAINTEXT / 2})
    void theLastSegmentCannotBeShortened(int cut) {
        byte[] truncated = Arrays.copyOf(CIPHERTEXT, CIPHERTEXT.length - cut);
        assertFailsWithoutWrongPlaintext(cipher, truncated, AAD, BODY);
    }

    @Test
    void aTrailingSegmentWithoutPlaintextIsRefused() {
        byte[] body = bytes(FIRST_PLAINTEXT + PLAINTEXT, 10);
        byte[] ciphertext = encrypt(KEY, AAD, body);
        byte[] withEmptySegment = Arrays.copyOf(ciphertext, ciphertext.length + TAG);
        assertFailsWithoutWrongPlaintext(cipher, withEmptySegment, AAD, body);
        assertThatThrownBy(() -> cipher.decryptingChannel(new ReadOnlyBytesChannel(withEmptySegment), AAD))
                .satisfies(SegmentCipherTest::isIntegrityFailure);
    }

    @Test
    void aSingleSegmentBodyCannotBeTruncated() {
        byte[] body = bytes(1000, 6);
        byte[] ciphertext = encrypt(KEY, AAD, body);
        for (int length : new int[] {0, 1, HEADER - 1, HEADER, HEADER + TAG - 1, ciphertext.length - 1}) {
            assertFailsWithoutWrongPlaintext(cipher, Arrays.copyOf(ciphertext, length), AAD, body);
        }
    }

    @Test
    void anEmptyBodyCannotBeTruncatedToNothing() {
        byte[] ciphertext = encrypt(KEY, AAD, new byte[0]);
        assertFailsWithoutWrongPlaintext(cipher, Arrays.copyOf(ciphertext, HEADER), AAD, new byte[0]);
        assertFailsWithoutWrongPlaintext(cipher, new byte[0], AAD, new byte[0]);
    }

    @Test
    void nothingCanBeAppended() {
        byte[] extended = Arrays.copyOf(CIPHERTEXT, CIPHERTEXT.length + 1);
        assertFailsWithoutWrongPlaintext(cipher, extended, AAD, BODY);
        byte[] withAnotherSegment = Arrays.copyOf(CIPHERTEXT, CIPHERTEXT.length + SEGMENT);
        System.arraycopy(CIPHERTEXT, SEGMENT, withAnotherSegment, CIPHERTEXT.length, SEGMENT);
        assertFailsWithoutWrongPlaintext(cipher, withAnotherSegment, AAD, BODY);
    }

    @Test
    void segmentsCannotBeSwapped() {
        byte[] swapped = CIPHERTEXT.clone();
        System.arraycopy(CIPHERTEXT, SEGMENT, swapped, 2 * SEGMENT, SEGMENT);
        System.arraycopy(CIPHERTEXT, 2 * SEGMENT, swapped, SEGMENT, SEGMENT);
        assertFailsWithoutWrongPlaintext(cipher, swapped, AAD, BODY);
        assertThatThrownBy(() -> readRange(cipher, swapped, FIRST_PLAINTEXT, 10))
                .satisfies(SegmentCipherTest::isIntegrityFailure);
    }

    @Test
    void aSegmentOfAnotherBodyUnderTheSameKeyIsRefused() {
        byte[] other = encrypt(KEY, AAD, BODY);
        byte[] spliced = CIPHERTEXT.clone();
        System.arraycopy(other, SEGMENT, spliced, SEGMENT, SEGMENT);
        assertFailsWithoutWrongPlaintext(cipher, spliced, AAD, BODY);
    }

    @Test
    void anEmptyBodyIsAuthenticatedToo() throws IOException {
        byte[] ciphertext = encrypt(KEY, AAD, new byte[0]);
        try (InputStream empty = cipher.decryptingStream(new ReadOnlyBytesChannel(ciphertext), AAD, 0, 0)) {
            assertThat(empty.readAllBytes()).isEmpty();
        }
        byte[] elsewhere = SegmentCipher.associatedData("bucket", "other", "v1");
        assertThatThrownBy(() -> cipher.decryptingStream(new ReadOnlyBytesChannel(ciphertext), elsewhere, 0, 0))
                .satisfies(SegmentCipherTest::isIntegrityFailure);
        assertThatThrownBy(() -> decryptAll(cipher, ciphertext, elsewhere))
                .satisfies(SegmentCipherTest::isIntegrityFailure);
        assertThatThrownBy(() -> decryptAll(new SegmentCipher(bytes(32, 9)), ciphertext, AAD))
                .satisfies(SegmentCipherTest::isIntegrityFailure);
    }

    @Test
    void theChannelReportsTheEndOnlyAfterAuthenticatingIt() throws IOException {
        try (SeekableByteChannel plaintext = cipher.decryptingChannel(new ReadOnlyBytesChannel(CIPHERTEXT), AAD)) {
            plaintext.position(THREE_AND_A_HALF);
            assertThat(plaintext.read(ByteBuffer.allocate(10))).isEqualTo(-1);
            plaintext.position(THREE_AND_A_HALF + 1000L);
            assertThat(plaintext.read(ByteBuffer.allocate(10))).isEqualTo(-1);
            assertThat(plaintext.read(ByteBuffer.allocate(0))).isZero();
        }
        byte[] forged = CIPHERTEXT.clone();
        forged[forged.length - 1] ^= 1;
        try (SeekableByteChannel plaintext = cipher.decryptingChannel(new ReadOnlyBytesChannel(forged), AAD)) {
            plaintext.position(THREE_AND_A_HALF);
            assertThatThrownBy(() -> plaintext.read(ByteBuffer.allocate(10)))
                    .satisfies(SegmentCipherTest::isIntegrityFailure);
        }
    }

    @Test
    void theChannelIsReadOnly() throws IOException {
        try (SeekableByteChannel plaintext = cipher.decryptingChannel(new ReadOnlyBytesChannel(CIPHERTEXT), AAD)) {
            assertThatThrownBy(() -> plaintext.write(ByteBuffer.allocate(1)))
                    .isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> plaintext.truncate(0)).isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> plaintext.position(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anotherKeyCannotDecrypt() {
        assertFailsWithoutWrongPlaintext(new SegmentCipher(bytes(32, 9)), CIPHERTEXT, AAD, BODY);
    }

    @Test
    void aBodyMovedToAnotherBucketKeyOrVersionDoesNotDecrypt() {
        for (byte[] elsewhere : List.of(SegmentCipher.associatedData("bucket2", "photos/cat.jpg", "v1"),
                SegmentCipher.associatedData("bucket", "photos/dog.jpg", "v1"),
                SegmentCipher.associatedData("bucket", "photos/cat.jpg", "v2"),
                new byte[0])) {
            assertFailsWithoutWrongPlaintext(cipher, CIPHERTEXT, elsewhere, BODY);
        }
    }

    // ---- associated data

    @Test
    void theAssociatedDataIsTaggedAndLengthPrefixed() {
        byte[] tag = "strongroom/s3/object-body/v1".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(new byte[] {0, 0, 0, (byte) tag.length}, 0, 4);
        expected.write(tag, 0, tag.length);
        expected.write(new byte[] {0, 0, 0, 1, 'b', 0, 0, 0, 3, (byte) 0xc3, (byte) 0xa9, 'k', 0, 0, 0, 0}, 0, 16);

        assertThat(SegmentCipher.associatedData("b", "ék", "")).isEqualTo(expected.toByteArray());
    }

    @Test
    void differentNamesNeverShareAssociatedData() {
        List<byte[]> all = List.of(
                SegmentCipher.associatedData("ab", "c", "v"),
                SegmentCipher.associatedData("a", "bc", "v"),
                SegmentCipher.associatedData("a", "b", "cv"),
                SegmentCipher.associatedData("a", "bcv", ""),
                SegmentCipher.associatedData("a", "b\u0000\u0000\u0000\u0001c", "v"));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(all.get(i)).isNotEqualTo(all.get(j));
            }
        }
    }

    @Test
    void associatedDataNeedsEveryName() {
        assertThatThrownBy(() -> SegmentCipher.associatedData(null, "k", "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SegmentCipher.associatedData("b", null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SegmentCipher.associatedData("b", "k", null)).isInstanceOf(NullPointerException.class);
    }

    // ---- keys and arguments

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33, 64})
    void aDataKeyHasThirtyTwoBytes(int length) {
        assertThatThrownBy(() -> new SegmentCipher(new byte[length])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullDataKeyIsRefused() {
        assertThatThrownBy(() -> new SegmentCipher(null)).isInstanceOf(NullPointerException.class);
    }

    static List<Integer> singleSegmentSizes() {
        return List.of(0, 1, 4096 - HEADER - TAG, 4096 - HEADER - TAG + 1, 4096, 65_000, FIRST_PLAINTEXT - 1,
                FIRST_PLAINTEXT);
    }

    @ParameterizedTest
    @MethodSource("singleSegmentSizes")
    void aBodyOfDeclaredSizeInOneSegmentIsTheFormatOfOneMebibyteSegments(int size) throws Exception {
        byte[] body = bytes(size, size + 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = cipher.encryptingStream(out, AAD, size)) {
            encrypting.write(body);
        }
        byte[] ciphertext = out.toByteArray();

        assertThat(ciphertext).hasSize((int) SegmentCipher.ciphertextSize(size));
        // Tink itself, cut in 1 MiB segments, reads it: nothing records a smaller segment size.
        AesGcmHkdfStreaming oneMebibyte = new AesGcmHkdfStreaming(KEY, "HmacSha256", 32, SEGMENT, 0);
        try (InputStream in = oneMebibyte.newDecryptingStream(new ByteArrayInputStream(ciphertext), AAD)) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(decryptAll(cipher, ciphertext, AAD)).isEqualTo(body);
        assertThat(readRange(cipher, ciphertext, size / 2, size - size / 2))
                .isEqualTo(Arrays.copyOfRange(body, size / 2, size));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 4000})
    void aSmallBodyLongerThanItDeclaredIsRefusedBeforeItSpillsIntoASecondSegment(int declared) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream encrypting = cipher.encryptingStream(out, AAD, declared);
        encrypting.write(new byte[declared]);

        assertThatThrownBy(() -> encrypting.write(1)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> encrypting.write(new byte[2], 0, 2)).isInstanceOf(IOException.class);
    }

    @Test
    void aBodyDeclaredLargerThanOneSegmentIsCutInOneMebibyteSegments() throws Exception {
        byte[] body = bytes(FIRST_PLAINTEXT + 1, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = cipher.encryptingStream(out, AAD, body.length)) {
            encrypting.write(body);
        }
        AesGcmHkdfStreaming oneMebibyte = new AesGcmHkdfStreaming(KEY, "HmacSha256", 32, SEGMENT, 0);
        try (InputStream in = oneMebibyte.newDecryptingStream(new ByteArrayInputStream(out.toByteArray()),
                AAD)) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void theCipherKeepsItsOwnCopyOfTheKey() throws IOException {
        byte[] key = KEY.clone();
        SegmentCipher copied = new SegmentCipher(key);
        Arrays.fill(key, (byte) 0);
        assertThat(decryptAll(copied, CIPHERTEXT, AAD)).isEqualTo(BODY);
    }

    @Test
    void nullStreamsAndAssociatedDataAreRefused() {
        assertThatThrownBy(() -> cipher.encryptingStream(null, AAD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cipher.encryptingStream(new ByteArrayOutputStream(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cipher.decryptingChannel(null, AAD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cipher.decryptingChannel(new ReadOnlyBytesChannel(CIPHERTEXT), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theAssociatedDataArrayIsNotKeptByReference() throws IOException {
        byte[] aad = AAD.clone();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = cipher.encryptingStream(out, aad)) {
            Arrays.fill(aad, (byte) 0);
            encrypting.write(bytes(10, 8));
        }
        assertThat(decryptAll(cipher, out.toByteArray(), AAD)).isEqualTo(bytes(10, 8));
    }

    // ---- helpers

    private static void assertFailsWithoutWrongPlaintext(SegmentCipher cipher, byte[] ciphertext, byte[] aad,
                                                         byte[] body) {
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (InputStream in = cipher.decryptingStream(new ReadOnlyBytesChannel(ciphertext), aad, 0, body.length)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    released.write(buffer, 0, n);
                }
            }
        }).satisfies(SegmentCipherTest::isIntegrityFailure);
        byte[] out = released.toByteArray();
        assertThat(out).as("released bytes are a prefix of the true body")
                .isEqualTo(Arrays.copyOf(body, out.length));
        assertThat(out.length).isLessThan(Math.max(body.length, 1));
        assertThatThrownBy(() -> decryptAll(cipher, ciphertext, aad)).satisfies(SegmentCipherTest::isIntegrityFailure);
    }

    private static void isIntegrityFailure(Throwable thrown) {
        assertThat(thrown).isInstanceOf(IOException.class);
        assertThat(thrown).hasCauseInstanceOf(GeneralSecurityException.class);
    }

    private static byte[] readRange(SegmentCipher cipher, byte[] ciphertext, long start, long length)
            throws IOException {
        try (InputStream in = cipher.decryptingStream(new ReadOnlyBytesChannel(ciphertext), AAD, start, length)) {
            return in.readAllBytes();
        }
    }

    private static byte[] decryptAll(SegmentCipher cipher, byte[] ciphertext, byte[] aad) throws IOException {
        try (SeekableByteChannel plaintext = cipher.decryptingChannel(new ReadOnlyBytesChannel(ciphertext), aad)) {
            return readChannel(plaintext);
        }
    }

    private static byte[] readChannel(SeekableByteChannel channel) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(100_000);
        while (channel.read(buffer) != -1) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        out.write(buffer.array(), 0, buffer.position());
        return out.toByteArray();
    }

    private static byte[] encrypt(byte[] key, byte[] aad, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = new SegmentCipher(key).encryptingStream(out, aad)) {
            // Odd-sized writes, so segment boundaries fall inside writes.
            for (int offset = 0; offset < body.length; offset += 70_001) {
                encrypting.write(body, offset, Math.min(70_001, body.length - offset));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
