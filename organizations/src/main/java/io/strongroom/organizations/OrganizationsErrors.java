package io.strongroom.organizations;

/**
 * The Organizations error codes of the 2016-11-28 model, all HTTP 400, with the messages the model
 * documents for them. Errors with a Reason take it from {@link ConstraintReason} or {@link InputReason}.
 */
public final class OrganizationsErrors {
    public static final String ACCESS_DENIED_MESSAGE = "You don't have permissions to access this resource.";

    private OrganizationsErrors() {
    }

    /** The model's ConstraintViolationExceptionReason values Strongroom raises. */
    public enum ConstraintReason {
        OU_DEPTH_LIMIT_EXCEEDED("You attempted to create an OU tree that is too many levels deep."),
        POLICY_NUMBER_LIMIT_EXCEEDED(
                "You attempted to exceed the number of policies that you can have in an organization."),
        POLICY_CONTENT_LIMIT_EXCEEDED("You attempted to create a policy that is larger than the maximum size."),
        MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED("You attempted to exceed the number of policies of a certain type"
                + " that can be attached to an entity at one time."),
        MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED("You attempted to detach a policy from an entity that would cause"
                + " the entity to have fewer than the minimum number of policies of a certain type required.");

        private final String message;

        ConstraintReason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** The model's InvalidInputExceptionReason values Strongroom raises. */
    public enum InputReason {
        INPUT_REQUIRED("You must include a value for all required parameters."),
        INVALID_ENUM("You specified an invalid value."),
        INVALID_ENUM_POLICY_TYPE("You specified an invalid policy type string."),
        INVALID_PATTERN("You provided a value that doesn't match the required pattern."),
        INVALID_PATTERN_TARGET_ID("You specified a policy target ID that doesn't match the required pattern."),
        INVALID_SYNTAX_POLICY_ID("You specified an invalid policy ID."),
        INVALID_NEXT_TOKEN("You specified an invalid value for nextToken. You must get the value from the response"
                + " to a previous call to the API."),
        INVALID_ROLE_NAME("You provided a role name that isn't valid. A role name can't begin with the reserved"
                + " prefix 'AWSServiceRoleFor'."),
        MAX_LENGTH_EXCEEDED("You provided a string parameter that is longer than allowed."),
        MIN_LENGTH_EXCEEDED("You provided a string parameter that is shorter than allowed."),
        MAX_VALUE_EXCEEDED("You provided a numeric parameter that has a larger value than allowed."),
        MIN_VALUE_EXCEEDED("You provided a numeric parameter that has a smaller value than allowed."),
        IMMUTABLE_POLICY("You specified a policy that is managed by AWS and can't be modified."),
        NON_DETACHABLE_POLICY("You can't detach this AWS Managed Policy.");

        private final String message;

        InputReason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    public static OrganizationsException notInUse() {
        return new OrganizationsException("AWSOrganizationsNotInUseException",
                "Your account is not a member of an organization.");
    }

    public static OrganizationsException accessDenied() {
        return new OrganizationsException("AccessDeniedException", ACCESS_DENIED_MESSAGE);
    }

    /** IAM's refusal, in Organizations' code; the cause keeps IAM's decision for the audit record. */
    public static OrganizationsException accessDenied(Throwable iamRefusal) {
        return new OrganizationsException("AccessDeniedException", ACCESS_DENIED_MESSAGE, null, iamRefusal);
    }

    public static OrganizationsException accountNotFound() {
        return new OrganizationsException("AccountNotFoundException", "We can't find an AWS account with the"
                + " AccountId that you specified, or the account whose credentials you used to make this request"
                + " isn't a member of an organization.");
    }

    public static OrganizationsException childNotFound() {
        return new OrganizationsException("ChildNotFoundException",
                "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.");
    }

    public static OrganizationsException constraintViolation(ConstraintReason reason) {
        return new OrganizationsException("ConstraintViolationException", reason.message(), reason.name());
    }

    public static OrganizationsException createAccountStatusNotFound() {
        return new OrganizationsException("CreateAccountStatusNotFoundException",
                "We can't find a create account request with the CreateAccountRequestId that you specified.");
    }

    public static OrganizationsException destinationParentNotFound() {
        return new OrganizationsException("DestinationParentNotFoundException",
                "We can't find the destination container (a root or OU) with the ParentId that you specified.");
    }

    public static OrganizationsException duplicateAccount() {
        return new OrganizationsException("DuplicateAccountException",
                "That account is already present in the specified destination.");
    }

    public static OrganizationsException duplicateOrganizationalUnit() {
        return new OrganizationsException("DuplicateOrganizationalUnitException",
                "An OU with the same name already exists.");
    }

    public static OrganizationsException duplicatePolicy() {
        return new OrganizationsException("DuplicatePolicyException", "A policy with the same name already exists.");
    }

    public static OrganizationsException duplicatePolicyAttachment() {
        return new OrganizationsException("DuplicatePolicyAttachmentException",
                "The selected policy is already attached to the specified target.");
    }

    public static OrganizationsException invalidInput(InputReason reason) {
        return new OrganizationsException("InvalidInputException", reason.message(), reason.name());
    }

    public static OrganizationsException malformedPolicyDocument(String detail) {
        return new OrganizationsException("MalformedPolicyDocumentException",
                "The provided policy document doesn't meet the requirements of the specified policy type. " + detail);
    }

    public static OrganizationsException organizationalUnitNotEmpty() {
        return new OrganizationsException("OrganizationalUnitNotEmptyException", "The specified OU is not empty. Move"
                + " all accounts to another root or to other OUs, remove all child OUs, and try the operation again.");
    }

    public static OrganizationsException organizationalUnitNotFound() {
        return new OrganizationsException("OrganizationalUnitNotFoundException",
                "We can't find an OU with the OrganizationalUnitId that you specified.");
    }

    public static OrganizationsException parentNotFound() {
        return new OrganizationsException("ParentNotFoundException",
                "We can't find a root or OU with the ParentId that you specified.");
    }

    public static OrganizationsException policyInUse() {
        return new OrganizationsException("PolicyInUseException", "The policy is attached to one or more entities."
                + " You must detach it from all roots, OUs, and accounts before performing this operation.");
    }

    public static OrganizationsException policyNotAttached() {
        return new OrganizationsException("PolicyNotAttachedException",
                "The policy isn't attached to the specified target in the specified root.");
    }

    public static OrganizationsException policyNotFound() {
        return new OrganizationsException("PolicyNotFoundException",
                "We can't find a policy with the PolicyId that you specified.");
    }

    public static OrganizationsException policyTypeAlreadyEnabled() {
        return new OrganizationsException("PolicyTypeAlreadyEnabledException",
                "The specified policy type is already enabled in the specified root.");
    }

    public static OrganizationsException policyTypeNotAvailable() {
        return new OrganizationsException("PolicyTypeNotAvailableForOrganizationException",
                "You can't use the specified policy type with the feature set currently enabled for this"
                        + " organization.");
    }

    public static OrganizationsException policyTypeNotEnabled() {
        return new OrganizationsException("PolicyTypeNotEnabledException", "The specified policy type isn't currently"
                + " enabled in this root. You can't attach policies of the specified type to entities in a root until"
                + " you enable that type in the root.");
    }

    public static OrganizationsException rootNotFound() {
        return new OrganizationsException("RootNotFoundException",
                "We can't find a root with the RootId that you specified.");
    }

    public static OrganizationsException sourceParentNotFound() {
        return new OrganizationsException("SourceParentNotFoundException",
                "We can't find a source root or OU with the ParentId that you specified.");
    }

    public static OrganizationsException targetNotFound() {
        return new OrganizationsException("TargetNotFoundException",
                "We can't find a root, OU, account, or policy with the TargetId that you specified.");
    }
}
