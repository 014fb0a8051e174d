package io.strongroom.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Searches raw bytes for a value in the encodings a leak could take: the text itself, hex (both
 * cases) and base64 (standard and URL alphabets, at each of the three alignments inside a longer run).
 */
final class DataDirectoryScan {

    private DataDirectoryScan() {
    }

    /** Every regular file under {@code dir}, WAL and SHM files included. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    /** The files under {@code dir} whose bytes contain {@code value} in any encoding. */
    static List<Path> filesContaining(Path dir, String value) throws IOException {
        List<Path> hits = new ArrayList<>();
        for (Path file : files(dir)) {
            if (contains(Files.readAllBytes(file), value)) {
                hits.add(file);
            }
        }
        return hits;
    }

    static boolean contains(byte[] haystack, String value) {
        for (byte[] needle : encodings(value)) {
            if (indexOf(haystack, needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    static Set<byte[]> encodings(String value) {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        Set<byte[]> forms = new LinkedHashSet<>();
        forms.add(raw);
        forms.add(HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
        forms.add(HexFormat.of().withUpperCase().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int shift = 0; shift < 3; shift++) {
                forms.add(stableBase64Core(encoder, raw, shift));
            }
        }
        return forms;
    }

    /**
     * The part of the base64 text of {@code raw} that does not depend on its neighbours when it
     * starts {@code shift} bytes into a 3-byte group.
     */
    private static byte[] stableBase64Core(Base64.Encoder encoder, byte[] raw, int shift) {
        int lead = (3 - shift) % 3;
        int usable = (raw.length - lead) / 3 * 3;
        byte[] aligned = new byte[usable];
        System.arraycopy(raw, lead, aligned, 0, usable);
        return encoder.withoutPadding().encode(aligned);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
