package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

/**
 * A container of accounts and further OUs ({@code ou-<root suffix>-<8 lowercase letters or digits>}).
 *
 * @param arn      {@code arn:aws:organizations::<management account>:ou/o-…/ou-…}
 * @param parentId the root ({@code r-…}) or OU ({@code ou-…}) that holds it
 */
public record OrganizationalUnit(String id, String arn, String name, String parentId) {
    public OrganizationalUnit {
        requireNonNull(id, "id");
        requireNonNull(arn, "arn");
        requireNonNull(name, "name");
        requireNonNull(parentId, "parentId");
    }
}
