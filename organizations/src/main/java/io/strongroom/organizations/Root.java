package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

/**
 * The top of the organization's tree ({@code r-} and 4 lowercase letters or digits). Which policy
 * types are enabled on it is kept apart ({@link OrganizationsRepository#listEnabledPolicyTypes}).
 *
 * @param arn {@code arn:aws:organizations::<management account>:root/o-…/r-…}
 */
public record Root(String id, String arn, String name) {
    public Root {
        requireNonNull(id, "id");
        requireNonNull(arn, "arn");
        requireNonNull(name, "name");
    }
}
