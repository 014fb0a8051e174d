package io.strongroom.iam.bootstrap;

import java.util.Optional;

/**
 * What {@link Bootstrap#run} did.
 *
 * @param ran         true on the first start, when it created everything
 * @param credentials the administrator's key, present only when it ran
 */
public record BootstrapResult(boolean ran, String organizationId, String managementAccountId,
                              String adminUserArn, Optional<AdminCredentials> credentials) {
}
