package io.strongroom.rootkey;

import static java.util.Objects.requireNonNull;

/** Which token of a PKCS#11 library holds the root keys. */
public sealed interface Pkcs11Token {

    /** The token in the slot with this PKCS#11 slot id. */
    record SlotId(long id) implements Pkcs11Token {
    }

    /** The token at this position of the library's slot list (0 is the first). */
    record SlotListIndex(int index) implements Pkcs11Token {
        public SlotListIndex {
            if (index < 0) {
                throw new IllegalArgumentException("slot list index must not be negative");
            }
        }
    }

    /**
     * The token with this label. The JDK's SunPKCS11 cannot select by label, so the label is looked
     * up through the JDK's PKCS#11 wrapper, which needs the JVM option
     * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}.
     */
    record TokenLabel(String label) implements Pkcs11Token {
        public TokenLabel {
            requireNonNull(label, "label");
            if (label.isBlank() || label.length() > 32) {
                throw new IllegalArgumentException("a token label has 1 to 32 characters");
            }
        }
    }
}
