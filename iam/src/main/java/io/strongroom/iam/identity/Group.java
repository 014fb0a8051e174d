package io.strongroom.iam.identity;

import java.time.Instant;

/** An IAM group. {@code groupId} is the unique {@code AGPA…} id. */
public record Group(String accountId, String groupName, String groupId, String path, String arn, Instant createDate) {
}
