package io.strongroom.audit;

/** The attributes CloudTrail LookupEvents can filter on (one per request). */
public enum LookupAttributeKey {
    EVENT_ID("EventId"),
    EVENT_NAME("EventName"),
    READ_ONLY("ReadOnly"),
    USERNAME("Username"),
    RESOURCE_TYPE("ResourceType"),
    RESOURCE_NAME("ResourceName"),
    EVENT_SOURCE("EventSource"),
    ACCESS_KEY_ID("AccessKeyId");

    private final String wireName;

    LookupAttributeKey(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the LookupEvents request, for example {@code EventName}. */
    public String wireName() {
        return wireName;
    }

    public static LookupAttributeKey fromWireName(String name) {
        for (LookupAttributeKey key : values()) {
            if (key.wireName.equals(name)) {
                return key;
            }
        }
        throw new IllegalArgumentException("unknown lookup attribute: " + name);
    }
}
