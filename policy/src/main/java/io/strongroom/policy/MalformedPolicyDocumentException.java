package io.strongroom.policy;

import io.strongroom.core.AwsException;

/** A policy document that breaks the grammar; IAM answers {@code MalformedPolicyDocument} (400). */
public class MalformedPolicyDocumentException extends AwsException {
    public MalformedPolicyDocumentException(String message) {
        super("MalformedPolicyDocument", 400, message);
    }
}
