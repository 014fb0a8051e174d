package io.strongroom.s3;

import io.strongroom.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an ACL's grants allow, as Allow statements weighed beside the bucket policy (S3's documented
 * mapping of ACL permissions to actions), so an explicit deny in any policy still wins. A grant to an
 * account becomes a statement for that account's root, which, as a bucket policy naming another account
 * does, lets the account's own policies delegate it; a public group's becomes one for everyone. The
 * owner's own grants add nothing (its policies decide), and log delivery is a service Strongroom does
 * not run, so its grants allow nothing.
 */
final class AclStatements {
    private static final List<String> BUCKET_READ = List.of("s3:ListBucket", "s3:ListBucketVersions",
            "s3:ListBucketMultipartUploads");
    private static final List<String> BUCKET_WRITE = List.of("s3:PutObject", "s3:DeleteObject");
    private static final List<String> OBJECT_READ = List.of("s3:GetObject", "s3:GetObjectVersion");

    private AclStatements() {
    }

    /**
     * @param grants        the ACL's grants
     * @param ownerAccount  the account that owns what the ACL is on
     * @param ignorePublic  whether grants to AllUsers and AuthenticatedUsers count for nothing (IgnorePublicAcls)
     */
    static List<PolicyDocument> of(String sid, List<AclGrant> grants, String ownerAccount, boolean onBucket,
                                   boolean ignorePublic) {
        Map<String, Set<String>> actionsByPrincipal = new LinkedHashMap<>();
        for (AclGrant grant : grants) {
            String principal;
            if (grant.isPublic()) {
                if (ignorePublic) {
                    continue;
                }
                principal = "*";
            } else if (grant.canonicalUserId() != null && !grant.canonicalUserId().equals(ownerAccount)) {
                principal = "arn:aws:iam::" + grant.canonicalUserId() + ":root";
            } else {
                continue;
            }
            List<String> actions = actions(grant.permission(), onBucket);
            if (!actions.isEmpty()) {
                actionsByPrincipal.computeIfAbsent(principal, p -> new LinkedHashSet<>()).addAll(actions);
            }
        }
        List<PolicyDocument> statements = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Set<String>> entry : actionsByPrincipal.entrySet()) {
            statements.add(PolicyDocument.allowStatement(sid + index++, entry.getKey(), List.copyOf(entry.getValue()),
                    Map.of()));
        }
        return statements;
    }

    /** The actions a permission allows on a bucket or an object. */
    static List<String> actions(String permission, boolean onBucket) {
        List<String> actions = new ArrayList<>();
        boolean full = permission.equals("FULL_CONTROL");
        if (full || permission.equals("READ")) {
            actions.addAll(onBucket ? BUCKET_READ : OBJECT_READ);
        }
        if ((full || permission.equals("WRITE")) && onBucket) {
            actions.addAll(BUCKET_WRITE); // WRITE means nothing on an object
        }
        if (full || permission.equals("READ_ACP")) {
            actions.addAll(onBucket ? List.of("s3:GetBucketAcl") : List.of("s3:GetObjectAcl", "s3:GetObjectVersionAcl"));
        }
        if (full || permission.equals("WRITE_ACP")) {
            actions.addAll(onBucket ? List.of("s3:PutBucketAcl") : List.of("s3:PutObjectAcl", "s3:PutObjectVersionAcl"));
        }
        return actions;
    }
}
