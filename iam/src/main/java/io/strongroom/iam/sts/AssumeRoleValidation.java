package io.strongroom.iam.sts;

import io.strongroom.core.AwsException;
import io.strongroom.iam.identity.InputValidator;
import io.strongroom.iam.identity.Tag;
import java.util.List;
import java.util.regex.Pattern;

/** The parameter constraints of AssumeRole as the STS model declares them; all ValidationError. */
final class AssumeRoleValidation {
    static final int MIN_DURATION = 900;
    static final int MAX_DURATION = 43200;
    static final int DEFAULT_DURATION = 3600;
    private static final String SESSION_NAME = "[\\w+=,.@-]*";
    private static final String EXTERNAL_ID = "[\\w+=,.@:\\/-]*";

    private AssumeRoleValidation() {
    }

    static void validate(AssumeRoleRequest request) {
        InputValidator.length("roleArn", request.roleArn(), 20, 2048);
        InputValidator.matching("roleSessionName", request.roleSessionName(), 2, 64, Pattern.compile(SESSION_NAME),
                SESSION_NAME);
        request.durationSeconds().ifPresent(d -> InputValidator.range("durationSeconds", d, MIN_DURATION, MAX_DURATION));
        request.externalId().ifPresent(id -> InputValidator.matchingSecret("externalId", id, 2, 1224,
                Pattern.compile(EXTERNAL_ID), EXTERNAL_ID));
        request.sourceIdentity().ifPresent(id -> InputValidator.matching("sourceIdentity", id, 2, 64,
                Pattern.compile(SESSION_NAME), SESSION_NAME));
        request.policy().ifPresent(p -> InputValidator.policyDocument("policy", p));
        tags(request.tags());
    }

    /** STS answers every tag fault with ValidationError, where IAM uses InvalidInput for some. */
    private static void tags(List<Tag> tags) {
        try {
            InputValidator.tags(tags);
        } catch (AwsException e) {
            throw AwsException.validation(e.getMessage());
        }
    }
}
