package io.strongroom.kms;

import java.util.Optional;

/** The sizes GenerateDataKey accepts: a KeySpec or a NumberOfBytes, exactly one of them. */
final class DataKeys {
    static final int MAX_BYTES = 1024;

    private DataKeys() {
    }

    /** A NumberOfBytes of 1 to {@value #MAX_BYTES}, as GenerateDataKey and GenerateRandom take. */
    static int requireByteCount(int bytes) {
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw KmsErrors.validation("1 validation error detected: Value '" + bytes
                    + "' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to "
                    + MAX_BYTES + " and greater than or equal to 1");
        }
        return bytes;
    }

    static int length(Optional<String> keySpec, Optional<Integer> numberOfBytes) {
        if (keySpec.isPresent() == numberOfBytes.isPresent()) {
            throw KmsErrors.validation("Please specify either number of bytes or key spec.");
        }
        if (numberOfBytes.isPresent()) {
            return requireByteCount(numberOfBytes.get());
        }
        return switch (keySpec.get()) {
            case "AES_256" -> 32;
            case "AES_128" -> 16;
            default -> throw KmsErrors.validation("1 validation error detected: Value '" + keySpec.get()
                    + "' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]");
        };
    }
}
