package io.strongroom.audit.trails;

import java.util.Optional;

/** Which calls an event selector takes: reads, writes or both (the model's ReadWriteType). */
public enum ReadWriteType {
    READ_ONLY("ReadOnly"),
    WRITE_ONLY("WriteOnly"),
    ALL("All");

    private final String wireName;

    ReadWriteType(String wireName) {
        this.wireName = wireName;
    }

    /** The value on the wire: {@code ReadOnly}, {@code WriteOnly} or {@code All}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ReadWriteType> fromWireName(String name) {
        for (ReadWriteType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    boolean takes(boolean readOnly) {
        return switch (this) {
            case READ_ONLY -> readOnly;
            case WRITE_ONLY -> !readOnly;
            case ALL -> true;
        };
    }
}
