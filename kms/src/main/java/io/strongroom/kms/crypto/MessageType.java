package io.strongroom.kms.crypto;

/** The KMS MessageType values: whether Sign and Verify get the message itself or its digest. */
enum MessageType {

    /** The message itself; it is hashed with the algorithm's hash before signing. */
    RAW,
    /** The digest of the message under the algorithm's hash, signed as is. */
    DIGEST;

    static MessageType parse(String name) {
        for (MessageType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new KmsCryptoException(KmsCryptoException.Reason.UNKNOWN_ALGORITHM, "Unknown message type " + name);
    }
}
