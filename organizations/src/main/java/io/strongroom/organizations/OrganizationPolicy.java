package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

/**
 * A service or resource control policy: the model's PolicySummary (Id, Arn, Name, Description, Type,
 * AwsManaged) plus its Content, kept byte-exact as given.
 *
 * @param id         {@code p-} and 8 lowercase letters or digits; AWS-managed ones are named
 *                   ({@code p-FullAWSAccess})
 * @param arn        {@code arn:aws:organizations::<management account>:policy/o-…/service_control_policy/p-…},
 *                   or {@code arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess}
 * @param awsManaged AWS-managed policies can be attached but never changed or deleted
 */
public record OrganizationPolicy(String id, String arn, String name, String description,
                                 OrganizationPolicyType type, boolean awsManaged, String content) {
    public OrganizationPolicy {
        requireNonNull(id, "id");
        requireNonNull(arn, "arn");
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        requireNonNull(type, "type");
        requireNonNull(content, "content");
    }
}
