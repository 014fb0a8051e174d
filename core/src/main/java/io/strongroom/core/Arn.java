package io.strongroom.core;

import static java.util.Objects.requireNonNull;

/**
 * An Amazon Resource Name: {@code arn:partition:service:region:account-id:resource}.
 * The resource part keeps any further colons (for example {@code key/uuid} or {@code assumed-role/r/s}).
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {
    public static final String PARTITION = "aws";

    public Arn {
        requireNonNull(partition, "partition");
        requireNonNull(service, "service");
        requireNonNull(region, "region");
        requireNonNull(accountId, "accountId");
        requireNonNull(resource, "resource");
    }

    public static Arn of(String service, String region, String accountId, String resource) {
        return new Arn(PARTITION, service, region, accountId, resource);
    }

    /** Parses an ARN; throws {@link IllegalArgumentException} when the text is not one. */
    public static Arn parse(String text) {
        requireNonNull(text, "text");
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("not an ARN: " + text);
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    public static boolean isArn(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
