package io.strongroom.iam.identity;

/** The ARNs of IAM and STS entities, in the forms IAM returns them. */
public final class IamArns {
    /** The pseudo-account that owns AWS-managed policies. */
    public static final String AWS_ACCOUNT = "aws";

    private IamArns() {
    }

    public static String user(String accountId, String path, String userName) {
        return "arn:aws:iam::" + accountId + ":user" + path + userName;
    }

    public static String group(String accountId, String path, String groupName) {
        return "arn:aws:iam::" + accountId + ":group" + path + groupName;
    }

    public static String role(String accountId, String path, String roleName) {
        return "arn:aws:iam::" + accountId + ":role" + path + roleName;
    }

    public static String policy(String accountId, String path, String policyName) {
        return "arn:aws:iam::" + accountId + ":policy" + path + policyName;
    }

    public static String root(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }

    public static String assumedRole(String accountId, String roleName, String sessionName) {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
    }

    /** The resource IAM names for listings of a kind: {@code arn:aws:iam::<acct>:user/}. */
    public static String collection(String accountId, String kind) {
        return "arn:aws:iam::" + accountId + ":" + kind + "/";
    }
}
