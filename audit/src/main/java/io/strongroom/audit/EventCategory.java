package io.strongroom.audit;

/** CloudTrail's {@code eventCategory}: management events change or read configuration, data events touch data. */
public enum EventCategory {
    MANAGEMENT("Management"),
    DATA("Data");

    private final String wireName;

    EventCategory(String wireName) {
        this.wireName = wireName;
    }

    /** The value in the record, {@code Management} or {@code Data}. */
    public String wireName() {
        return wireName;
    }

    public static EventCategory fromWireName(String name) {
        for (EventCategory category : values()) {
            if (category.wireName.equals(name)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown event category: " + name);
    }
}
