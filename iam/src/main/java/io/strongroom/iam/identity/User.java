package io.strongroom.iam.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** An IAM user. {@code userId} is the unique {@code AIDA…} id. */
public record User(
        String accountId,
        String userName,
        String userId,
        String path,
        String arn,
        Instant createDate,
        Optional<String> permissionsBoundaryArn,
        Map<String, String> tags) {

    public User {
        tags = Map.copyOf(tags);
    }
}
