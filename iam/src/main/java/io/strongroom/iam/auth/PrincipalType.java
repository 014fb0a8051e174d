package io.strongroom.iam.auth;

/** The kinds of caller, named as CloudTrail's {@code userIdentity.type} names them. */
public enum PrincipalType {
    ROOT("Root"),
    IAM_USER("IAMUser"),
    ASSUMED_ROLE("AssumedRole");

    private final String awsName;

    PrincipalType(String awsName) {
        this.awsName = awsName;
    }

    /** The value of {@code aws:PrincipalType} and of CloudTrail's {@code userIdentity.type}. */
    public String awsName() {
        return awsName;
    }
}
