package io.strongroom.protocol.organizations;

import io.strongroom.organizations.Child;
import io.strongroom.organizations.CreateAccountStatus;
import io.strongroom.organizations.OrganizationAccount;
import io.strongroom.organizations.OrganizationDescription;
import io.strongroom.organizations.OrganizationPolicy;
import io.strongroom.organizations.OrganizationalUnit;
import io.strongroom.organizations.Page;
import io.strongroom.organizations.Parent;
import io.strongroom.organizations.PolicySummary;
import io.strongroom.organizations.PolicyTargetSummary;
import io.strongroom.organizations.PolicyTypeSummary;
import io.strongroom.organizations.RootDescription;
import io.strongroom.protocol.json.JsonResult;
import io.strongroom.protocol.json.JsonWriter;
import java.util.function.BiConsumer;

/**
 * Writes the Organizations model's output structures with their member names. Every output member
 * of the model is optional; one the service does not know (an account without an email address)
 * is left out rather than written empty against its constraints.
 */
final class OrganizationsShapes {
    private OrganizationsShapes() {
    }

    /** An output whose one member is a structure: {@code {"Account": {…}}}. */
    static <T> JsonResult structure(String member, T value, BiConsumer<JsonWriter, T> writeMembers) {
        return JsonResult.of(out -> out.object(member, nested -> writeMembers.accept(nested, value)));
    }

    /** A listing's output: the items under {@code listMember}, then NextToken when there is more. */
    static <T> JsonResult page(String listMember, Page<T> page, BiConsumer<JsonWriter, T> writeItem) {
        return JsonResult.of(out -> {
            out.objectList(listMember, page.items(), writeItem);
            out.string("NextToken", page.nextToken());
        });
    }

    static void organization(JsonWriter out, OrganizationDescription organization) {
        out.string("Id", organization.id())
                .string("Arn", organization.arn())
                .string("FeatureSet", organization.featureSet())
                .string("MasterAccountArn", organization.masterAccountArn())
                .string("MasterAccountId", organization.masterAccountId());
        nonEmpty(out, "MasterAccountEmail", organization.masterAccountEmail());
        out.objectList("AvailablePolicyTypes", organization.availablePolicyTypes(), OrganizationsShapes::policyType);
    }

    static void account(JsonWriter out, OrganizationAccount account) {
        out.string("Id", account.id()).string("Arn", account.arn());
        nonEmpty(out, "Email", account.email());
        nonEmpty(out, "Name", account.name());
        out.string("Status", account.status())
                .string("State", account.state())
                .string("JoinedMethod", account.joinedMethod().name())
                .timestamp("JoinedTimestamp", account.joinedTimestamp());
    }

    static void createAccountStatus(JsonWriter out, CreateAccountStatus status) {
        out.string("Id", status.id())
                .string("AccountName", status.accountName())
                .string("State", status.state().name())
                .timestamp("RequestedTimestamp", status.requestedTimestamp())
                .timestamp("CompletedTimestamp", status.completedTimestamp())
                .string("AccountId", status.accountId())
                .string("FailureReason", status.failureReason());
    }

    static void root(JsonWriter out, RootDescription root) {
        out.string("Id", root.id())
                .string("Arn", root.arn())
                .string("Name", root.name())
                .objectList("PolicyTypes", root.policyTypes(), OrganizationsShapes::policyType);
    }

    static void policyType(JsonWriter out, PolicyTypeSummary type) {
        out.string("Type", type.type().name()).string("Status", type.status());
    }

    static void organizationalUnit(JsonWriter out, OrganizationalUnit unit) {
        out.string("Id", unit.id()).string("Arn", unit.arn()).string("Name", unit.name());
    }

    static void parent(JsonWriter out, Parent parent) {
        out.string("Id", parent.id()).string("Type", parent.type().name());
    }

    static void child(JsonWriter out, Child child) {
        out.string("Id", child.id()).string("Type", child.type().name());
    }

    /** The Policy structure: its summary nested under PolicySummary, and its content. */
    static void policy(JsonWriter out, OrganizationPolicy policy) {
        out.object("PolicySummary", summary -> policySummary(summary, PolicySummary.of(policy)))
                .string("Content", policy.content());
    }

    static void policySummary(JsonWriter out, PolicySummary policy) {
        out.string("Id", policy.id())
                .string("Arn", policy.arn())
                .string("Name", policy.name())
                .string("Description", policy.description())
                .string("Type", policy.type().name())
                .bool("AwsManaged", policy.awsManaged());
    }

    static void policyTarget(JsonWriter out, PolicyTargetSummary target) {
        out.string("TargetId", target.targetId()).string("Arn", target.arn());
        nonEmpty(out, "Name", target.name());
        out.string("Type", target.type().name());
    }

    private static void nonEmpty(JsonWriter out, String member, String value) {
        if (value != null && !value.isEmpty()) {
            out.string(member, value);
        }
    }
}
