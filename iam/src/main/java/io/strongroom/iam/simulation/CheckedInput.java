package io.strongroom.iam.simulation;

import io.strongroom.core.Arn;
import io.strongroom.core.AwsException;
import io.strongroom.iam.identity.IamErrors;
import io.strongroom.iam.identity.InputValidator;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link SimulationInput} checked and parsed: first against the model's constraints (ValidationError),
 * then for meaning (InvalidInput, and MalformedPolicyDocument for a document that breaks the grammar).
 *
 * @param actions         the actions to simulate, in the request's order
 * @param resources       the resources each action is simulated on ({@code *} when none were named)
 * @param policyInputs    the PolicyInputList documents
 * @param boundaryInput   the PermissionsBoundaryPolicyInputList document, if any
 * @param resourcePolicy  the ResourcePolicy document, if any
 * @param resourceOwner   the account owning resources whose ARN names none
 * @param callerArn       the IAM user simulated as the caller
 * @param conditionKeys   the condition keys the ContextEntries supply
 * @param firstAction     where in {@code actions} this page starts
 * @param maxItems        how many results the page may hold at most
 */
record CheckedInput(List<String> actions, List<String> resources, List<InputPolicy> policyInputs,
                    Optional<InputPolicy> boundaryInput, Optional<InputPolicy> resourcePolicy,
                    Optional<String> resourceOwner, Optional<String> callerArn,
                    Map<String, List<String>> conditionKeys, int firstAction, int maxItems) {

    /** A document given in the request, parsed, and its text for locating statements. */
    record InputPolicy(String id, String text, PolicyDocument document) {
    }

    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9_-]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern ACCOUNT_ROOT_ARN = Pattern.compile("arn:aws:iam::([0-9]{12}):root");
    private static final String MARKER_PREFIX = "simulation:";

    /** The model's length, pattern, range and enum constraints, each failing with ValidationError. */
    static void checkShape(SimulationInput input) {
        documents("policyInputList", input.policyInputList());
        documents("permissionsBoundaryPolicyInputList", input.permissionsBoundaryPolicyInputList());
        for (int i = 0; i < input.actionNames().size(); i++) {
            InputValidator.length("actionNames." + (i + 1) + ".member", input.actionNames().get(i), 3, 128);
        }
        if (input.resourceArns().size() > PolicySimulator.MAX_EVALUATIONS_PER_PAGE) {
            // Every resource is evaluated for each action: bound the work one call can ask for.
            throw IamErrors.invalidInput("At most " + PolicySimulator.MAX_EVALUATIONS_PER_PAGE
                    + " resources can be simulated in one request.");
        }
        for (int i = 0; i < input.resourceArns().size(); i++) {
            InputValidator.length("resourceArns." + (i + 1) + ".member", input.resourceArns().get(i), 1, 2048);
        }
        input.resourcePolicy().ifPresent(text -> InputValidator.policyDocument("resourcePolicy", text));
        input.resourceOwner().ifPresent(owner -> InputValidator.length("resourceOwner", owner, 1, 2048));
        input.callerArn().ifPresent(arn -> InputValidator.length("callerArn", arn, 1, 2048));
        ContextKeyValues.checkShape(input.contextEntries());
        input.resourceHandlingOption().ifPresent(option ->
                InputValidator.length("resourceHandlingOption", option, 1, 64));
        InputValidator.maxItems(input.page());
    }

    /**
     * Parses what {@link #checkShape} let through.
     *
     * @param account the simulated principal's account: a CallerArn must name one of its users
     */
    static CheckedInput parse(String account, SimulationInput input) {
        input.resourceHandlingOption().ifPresent(option -> {
            throw invalid("ResourceHandlingOption " + InputValidator.abbreviated(option) + " is not supported:"
                    + " its scenarios simulate Amazon EC2 resources, which Strongroom does not serve.");
        });
        if (input.actionNames().isEmpty()) {
            throw invalid("ActionNames must name at least one action.");
        }
        for (String action : input.actionNames()) {
            if (!ACTION.matcher(action).matches()) {
                throw invalid("Action " + InputValidator.abbreviated(action) + " is not valid: name one action as"
                        + " service:Operation, such as iam:CreateUser, without wildcards.");
            }
        }
        for (String resource : input.resourceArns()) {
            if (!resource.equals("*") && !Arn.isArn(resource)) {
                throw invalid("Resource " + InputValidator.abbreviated(resource)
                        + " must be in ARN format or \"*\".");
            }
        }
        List<String> resources = input.resourceArns().isEmpty() ? List.of("*") : input.resourceArns();
        List<InputPolicy> policyInputs = parsed("PolicyInputList", input.policyInputList(), PolicyKind.IDENTITY);
        if (input.permissionsBoundaryPolicyInputList().size() > 1) {
            throw invalid("PermissionsBoundaryPolicyInputList takes one permissions boundary, not "
                    + input.permissionsBoundaryPolicyInputList().size() + ".");
        }
        Optional<InputPolicy> boundary = parsed("PermissionsBoundaryPolicyInputList",
                input.permissionsBoundaryPolicyInputList(), PolicyKind.IDENTITY).stream().findFirst();
        Optional<InputPolicy> resourcePolicy = input.resourcePolicy().map(text -> new InputPolicy(
                SimulatedPolicies.RESOURCE_POLICY, text, PolicyDocument.parse(text, PolicyKind.RESOURCE)));
        Optional<String> owner = input.resourceOwner().map(CheckedInput::ownerAccount);
        input.callerArn().ifPresent(arn -> callerArn(account, arn));
        Map<String, List<String>> keys = ContextKeyValues.of(input.contextEntries());
        int first = input.page().marker().map(CheckedInput::markerPosition).orElse(0);
        if (first >= input.actionNames().size()) {
            throw invalidMarker();
        }
        int maxItems = input.page().maxItems().orElse(PageRequest.DEFAULT_MAX_ITEMS);
        return new CheckedInput(input.actionNames(), resources, policyInputs, boundary, resourcePolicy, owner,
                input.callerArn(), keys, first, maxItems);
    }

    /** The Marker that continues a simulation at the given action. */
    static String marker(int nextAction) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((MARKER_PREFIX + nextAction).getBytes(StandardCharsets.US_ASCII));
    }

    private static int markerPosition(String marker) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.US_ASCII);
            if (!text.startsWith(MARKER_PREFIX)) {
                throw invalidMarker();
            }
            int position = Integer.parseInt(text.substring(MARKER_PREFIX.length()));
            if (position < 0) {
                throw invalidMarker();
            }
            return position;
        } catch (IllegalArgumentException e) { // not base64, not a number
            throw invalidMarker();
        }
    }

    private static void documents(String field, List<String> documents) {
        for (int i = 0; i < documents.size(); i++) {
            InputValidator.policyDocument(field + "." + (i + 1) + ".member", documents.get(i));
        }
    }

    private static List<InputPolicy> parsed(String parameter, List<String> documents, PolicyKind kind) {
        List<InputPolicy> policies = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            String text = documents.get(i);
            policies.add(new InputPolicy(parameter + "." + (i + 1), text, PolicyDocument.parse(text, kind)));
        }
        return List.copyOf(policies);
    }

    /** ResourceOwner: an account id, or the account's root ARN as the SimulateCustomPolicy reference spells it. */
    private static String ownerAccount(String owner) {
        if (ACCOUNT_ID.matcher(owner).matches()) {
            return owner;
        }
        var root = ACCOUNT_ROOT_ARN.matcher(owner);
        if (root.matches()) {
            return root.group(1);
        }
        throw invalid("ResourceOwner " + InputValidator.abbreviated(owner) + " is not valid: give an account id or"
                + " arn:aws:iam::<account-id>:root.");
    }

    /**
     * CallerArn names an IAM user (never a role, a session, a federated user or a service) of the simulated
     * principal's account: simulating another account's caller would report on that account's guardrails.
     */
    private static void callerArn(String account, String arn) {
        boolean user = Arn.isArn(arn) && Arn.parse(arn).partition().equals(Arn.PARTITION)
                && Arn.parse(arn).service().equals("iam") && Arn.parse(arn).region().isEmpty()
                && Arn.parse(arn).resource().startsWith("user/") && !arn.endsWith("/");
        if (!user) {
            throw invalid("CallerArn " + InputValidator.abbreviated(arn) + " is not the ARN of an IAM user.");
        }
        if (!Arn.parse(arn).accountId().equals(account)) {
            throw invalid("CallerArn " + InputValidator.abbreviated(arn) + " must name a user of account " + account
                    + ", whose policies are simulated.");
        }
    }

    private static AwsException invalidMarker() {
        return invalid("Invalid Marker: it does not continue a simulation of these actions.");
    }

    private static AwsException invalid(String message) {
        return IamErrors.invalidInput(message);
    }
}
