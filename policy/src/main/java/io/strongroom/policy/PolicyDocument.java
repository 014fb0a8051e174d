package io.strongroom.policy;

/**
 * A parsed and validated IAM policy document.
 *
 * <p>STUB CONTRACT (to be implemented by the policy-language work): {@link #parse} validates the
 * full IAM JSON grammar and throws {@link MalformedPolicyDocumentException} naming the fault.
 */
public final class PolicyDocument {
    private final String json;

    private PolicyDocument(String json) {
        this.json = json;
    }

    /** Parses and validates a policy document; throws {@link MalformedPolicyDocumentException}. */
    public static PolicyDocument parse(String json) {
        throw new UnsupportedOperationException("policy language not implemented yet");
    }

    /** The document text as it was given. */
    public String json() {
        return json;
    }
}
