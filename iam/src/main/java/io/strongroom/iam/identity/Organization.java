package io.strongroom.iam.identity;

import java.time.Instant;

/** The organization Strongroom serves; created on first start with its management account. */
public record Organization(String id, String arn, String managementAccountId, Instant createdAt) {
}
