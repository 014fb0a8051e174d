package io.strongroom.policy;

/** The MalformedPolicyDocument messages, in IAM's wording where IAM has one. */
final class PolicyErrors {
    static final String SYNTAX = "Syntax errors in policy.";

    private PolicyErrors() {
    }

    static MalformedPolicyDocumentException of(String message) {
        return new MalformedPolicyDocumentException(message);
    }

    /** IAM's generic grammar error, followed by what exactly is wrong. */
    static MalformedPolicyDocumentException syntax(String detail) {
        return new MalformedPolicyDocumentException(SYNTAX + " " + detail);
    }
}
