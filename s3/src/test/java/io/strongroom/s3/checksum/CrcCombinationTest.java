package io.strongroom.s3.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrcCombinationTest {

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void theCombinedChecksumOfPiecesIsTheChecksumOfTheWhole(ChecksumAlgorithm algorithm) {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            byte[] data = new byte[random.nextInt(200_000)];
            random.nextBytes(data);
            List<CrcCombination.Piece> pieces = new ArrayList<>();
            int at = 0;
            while (at < data.length || pieces.isEmpty()) {
                // pieces of every size, empty ones included
                int length = Math.min(data.length - at, random.nextInt(3) == 0 ? 0 : random.nextInt(70_000));
                ChecksumDigest piece = algorithm.newDigest();
                piece.update(data, at, length);
                pieces.add(new CrcCombination.Piece(piece.base64(), length));
                at += length;
            }
            ChecksumDigest whole = algorithm.newDigest();
            whole.update(data);
            assertThat(CrcCombination.combine(algorithm, pieces)).as("%s of %d bytes in %d pieces", algorithm,
                    data.length, pieces.size()).isEqualTo(whole.base64());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void aPieceOutOfPlaceChangesTheResult(ChecksumAlgorithm algorithm) {
        ChecksumDigest a = algorithm.newDigest();
        a.update(new byte[] {1, 2, 3});
        ChecksumDigest b = algorithm.newDigest();
        b.update(new byte[] {4, 5});
        var ab = CrcCombination.combine(algorithm, List.of(new CrcCombination.Piece(a.base64(), 3),
                new CrcCombination.Piece(b.base64(), 2)));
        var ba = CrcCombination.combine(algorithm, List.of(new CrcCombination.Piece(b.base64(), 2),
                new CrcCombination.Piece(a.base64(), 3)));
        assertThat(ab).isNotEqualTo(ba);
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"SHA1", "SHA256"})
    void digestsCannotBeCombined(ChecksumAlgorithm algorithm) {
        assertThat(CrcCombination.supports(algorithm)).isFalse();
        assertThatThrownBy(() -> CrcCombination.combine(algorithm, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
