package io.strongroom.iam.identity;

import java.time.Instant;

/** One version ({@code v1}, {@code v2}…) of a managed policy; the document is the JSON text as saved. */
public record PolicyVersion(String policyArn, String versionId, String document, boolean isDefault, Instant createDate) {
}
