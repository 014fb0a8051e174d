package io.strongroom.iam.identity;

/** An entry of ListAttached{User,Group,Role}Policies. */
public record AttachedPolicy(String policyName, String policyArn) {
}
