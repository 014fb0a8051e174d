package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Arn;
import io.strongroom.core.AwsException;
import java.util.Optional;

/** Finds the entities an operation names, failing with IAM's NoSuchEntity wording. */
final class IdentityLookup {
    private final IdentityRepository repository;

    IdentityLookup(IdentityRepository repository) {
        this.repository = requireNonNull(repository, "repository");
    }

    User user(String accountId, String userName) {
        return findUser(accountId, userName).orElseThrow(() -> noSuchEntity(PrincipalKind.USER, userName));
    }

    Group group(String accountId, String groupName) {
        return findGroup(accountId, groupName).orElseThrow(() -> noSuchEntity(PrincipalKind.GROUP, groupName));
    }

    Role role(String accountId, String roleName) {
        return findRole(accountId, roleName).orElseThrow(() -> noSuchEntity(PrincipalKind.ROLE, roleName));
    }

    Optional<User> findUser(String accountId, String userName) {
        return repository.findUser(accountId, userName);
    }

    Optional<Group> findGroup(String accountId, String groupName) {
        return repository.findGroup(accountId, groupName);
    }

    Optional<Role> findRole(String accountId, String roleName) {
        return repository.findRole(accountId, roleName);
    }

    /** IAM's NoSuchEntity for a user, group or role name. */
    static AwsException noSuchEntity(PrincipalKind kind, String name) {
        return IamErrors.noSuchEntity("The " + IdentityTarget.lower(kind) + " with name " + name
                + " cannot be found.");
    }

    /** A policy the account may use: its own or an AWS-managed one. */
    ManagedPolicy policy(String accountId, String policyArn, String notFoundMessage) {
        return repository.findManagedPolicy(policyArn)
                .filter(p -> p.accountId().equals(accountId) || p.awsManaged())
                .orElseThrow(() -> IamErrors.noSuchEntity(notFoundMessage));
    }

    ManagedPolicy attachablePolicy(String accountId, String policyArn) {
        return policy(accountId, policyArn, "Policy " + policyArn + " does not exist or is not attachable.");
    }

    /** ARN of a named user as it is, or as it would be at the root path, for authorising the call. */
    String userArn(String accountId, String userName) {
        return repository.findUser(accountId, userName).map(User::arn)
                .orElseGet(() -> IamArns.user(accountId, "/", userName));
    }

    String groupArn(String accountId, String groupName) {
        return repository.findGroup(accountId, groupName).map(Group::arn)
                .orElseGet(() -> IamArns.group(accountId, "/", groupName));
    }

    String roleArn(String accountId, String roleName) {
        return repository.findRole(accountId, roleName).map(Role::arn)
                .orElseGet(() -> IamArns.role(accountId, "/", roleName));
    }

    /** A policy ARN must at least look like one: InvalidInput otherwise, as IAM answers. */
    static String policyArn(String policyArn) {
        InputValidator.arn("policyArn", policyArn);
        boolean valid = Arn.isArn(policyArn) && Arn.parse(policyArn).service().equals("iam")
                && Arn.parse(policyArn).resource().startsWith("policy/");
        if (!valid) {
            throw IamErrors.invalidInput("ARN " + InputValidator.abbreviated(policyArn) + " is not valid.");
        }
        return policyArn;
    }
}
