package io.strongroom.iam.identity;

/** IAM's policy size quotas, which count characters other than white space. */
final class PolicySize {
    static final int MANAGED_POLICY_LIMIT = 6144;

    private PolicySize() {
    }

    static int of(String document) {
        return (int) document.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** The aggregate size of all inline policies of one identity. */
    static int inlineLimit(PrincipalKind kind) {
        return switch (kind) {
            case USER -> 2048;
            case GROUP -> 5120;
            case ROLE -> 10240;
        };
    }
}
