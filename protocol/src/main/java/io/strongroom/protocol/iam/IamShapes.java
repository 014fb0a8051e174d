package io.strongroom.protocol.iam;

import io.strongroom.iam.identity.AccessKey;
import io.strongroom.iam.identity.AttachedPolicy;
import io.strongroom.iam.identity.Group;
import io.strongroom.iam.identity.InlinePolicy;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PolicyInfo;
import io.strongroom.iam.identity.PolicyVersion;
import io.strongroom.iam.identity.Role;
import io.strongroom.iam.identity.User;
import io.strongroom.protocol.query.PercentEncoding;
import io.strongroom.protocol.query.XmlWriter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contents of IAM's output structures, written from the model records. Element names and
 * their order follow the IAM service model; policy documents are percent-encoded as IAM returns
 * them (the SDKs and the CLI decode them).
 */
final class IamShapes {
    private static final String BOUNDARY_TYPE = "PermissionsBoundaryPolicy";

    private IamShapes() {
    }

    /** Writes a {@code User}; tags only where IAM returns them (single-user answers). */
    static void user(XmlWriter xml, User user, boolean withTags) {
        xml.element("Path", user.path());
        if (!user.userName().isEmpty()) { // the account root, answered by GetUser, has no user name
            xml.element("UserName", user.userName());
        }
        xml.element("UserId", user.userId())
                .element("Arn", user.arn())
                .element("CreateDate", user.createDate());
        permissionsBoundary(xml, user.permissionsBoundaryArn());
        if (withTags) {
            tags(xml, "Tags", user.tags());
        }
    }

    static void group(XmlWriter xml, Group group) {
        xml.element("Path", group.path())
                .element("GroupName", group.groupName())
                .element("GroupId", group.groupId())
                .element("Arn", group.arn())
                .element("CreateDate", group.createDate());
    }

    static void role(XmlWriter xml, Role role, boolean withTags) {
        xml.element("Path", role.path())
                .element("RoleName", role.roleName())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument", policyDocument(role.assumeRolePolicyDocument()))
                .element("Description", role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
        permissionsBoundary(xml, role.permissionsBoundaryArn());
        if (withTags) {
            tags(xml, "Tags", role.tags());
        }
    }

    /** A {@code Policy}; IAM returns the description only from GetPolicy, we return it whenever it exists. */
    static void policy(XmlWriter xml, PolicyInfo info) {
        var policy = info.policy();
        xml.element("PolicyName", policy.policyName())
                .element("PolicyId", policy.policyId())
                .element("Arn", policy.arn())
                .element("Path", policy.path())
                .element("DefaultVersionId", policy.defaultVersionId())
                .element("AttachmentCount", info.attachmentCount())
                .element("PermissionsBoundaryUsageCount", info.permissionsBoundaryUsageCount())
                .element("IsAttachable", info.attachable())
                .element("Description", policy.description())
                .element("CreateDate", policy.createDate())
                .element("UpdateDate", policy.updateDate());
    }

    /** A {@code PolicyVersion}; listings leave the document out, as IAM does. */
    static void policyVersion(XmlWriter xml, PolicyVersion version, boolean withDocument) {
        if (withDocument) {
            xml.element("Document", policyDocument(version.document()));
        }
        xml.element("VersionId", version.versionId())
                .element("IsDefaultVersion", version.isDefault())
                .element("CreateDate", version.createDate());
    }

    static void accessKeyMetadata(XmlWriter xml, AccessKey key) {
        xml.element("UserName", key.userName().filter(name -> !name.isEmpty()))
                .element("AccessKeyId", key.accessKeyId())
                .element("Status", status(key))
                .element("CreateDate", key.createDate());
    }

    static String status(AccessKey key) {
        return key.active() ? "Active" : "Inactive";
    }

    static void attachedPolicy(XmlWriter xml, AttachedPolicy attached) {
        xml.element("PolicyName", attached.policyName()).element("PolicyArn", attached.policyArn());
    }

    /** An inline policy as the {@code PolicyDetail} of GetAccountAuthorizationDetails. */
    static void inlinePolicyDetail(XmlWriter xml, InlinePolicy policy) {
        xml.element("PolicyName", policy.policyName())
                .element("PolicyDocument", policyDocument(policy.document()));
    }

    /** {@code Tags} as a list of Key/Value members, sorted by key; nothing when there are none. */
    static void tags(XmlWriter xml, String element, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        xml.list(element, new TreeMap<>(tags).entrySet(), (member, tag) ->
                member.element("Key", tag.getKey()).element("Value", tag.getValue()));
    }

    static void permissionsBoundary(XmlWriter xml, Optional<String> boundaryArn) {
        boundaryArn.ifPresent(arn -> xml.start("PermissionsBoundary")
                .element("PermissionsBoundaryType", BOUNDARY_TYPE)
                .element("PermissionsBoundaryArn", arn)
                .end());
    }

    /** {@code IsTruncated} and, when truncated, the {@code Marker} that continues the listing. */
    static void pageEnd(XmlWriter xml, Page<?> page) {
        xml.element("IsTruncated", page.truncated());
        xml.element("Marker", page.marker());
    }

    static String policyDocument(String json) {
        return PercentEncoding.encode(json);
    }
}
