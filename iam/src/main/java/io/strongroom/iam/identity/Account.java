package io.strongroom.iam.identity;

import java.time.Instant;

/** An account: the unit of ownership and isolation, with a 12-digit id. */
public record Account(String id, String name, String email, String organizationId, Instant createdAt) {
}
