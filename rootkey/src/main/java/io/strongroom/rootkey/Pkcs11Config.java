package io.strongroom.rootkey;

import java.nio.file.Path;

/** The SunPKCS11 configuration text for a root-key token. */
final class Pkcs11Config {

    private Pkcs11Config() {
    }

    static String text(Path library, Pkcs11Token token) {
        return "name = strongroom-root\n"
                + "library = " + quoted(library.toAbsolutePath().toString()) + "\n"
                + slotLine(library, token) + "\n"
                // Keys generated through this provider are sensitive and non-extractable from birth.
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "}\n";
    }

    private static String slotLine(Path library, Pkcs11Token token) {
        return switch (token) {
            case Pkcs11Token.SlotId slot -> "slot = " + slot.id();
            case Pkcs11Token.SlotListIndex index -> "slotListIndex = " + index.index();
            case Pkcs11Token.TokenLabel label -> "slot = " + Pkcs11TokenLabels.slotOf(library, label.label());
        };
    }

    private static String quoted(String value) {
        if (value.contains("\"") || value.contains("\n")) {
            throw new IllegalArgumentException("PKCS#11 library path must not contain quotes or line breaks");
        }
        return "\"" + value + "\"";
    }
}
