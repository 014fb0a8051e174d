package io.strongroom.policy;

/** The policy-language versions. Only 2012-10-17 substitutes policy variables. */
public enum PolicyVersion {
    V2008_10_17("2008-10-17"),
    V2012_10_17("2012-10-17");

    private final String text;

    PolicyVersion(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    static PolicyVersion fromText(String text) {
        for (PolicyVersion version : values()) {
            if (version.text.equals(text)) {
                return version;
            }
        }
        return null;
    }
}
