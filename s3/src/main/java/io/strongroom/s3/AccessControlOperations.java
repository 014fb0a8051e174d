package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.ProtectedResource;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.policy.MalformedPolicyDocumentException;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.PolicyOutline;
import io.strongroom.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Bucket policies and Block Public Access (of buckets, and of accounts through S3 Control), and the
 * resource every S3 authorisation weighs: the bucket's ARN with its owner and its policy.
 *
 * <p>The policy is read from the repository on every request (one indexed lookup; a cache would have
 * to be cleared on every node when a policy changes, which the configuration store cannot signal yet).
 */
final class AccessControlOperations {
    static final String POLICY = "policy";
    static final String PUBLIC_ACCESS_BLOCK = "publicAccessBlock";
    /** The longest bucket policy S3 accepts (20 KB). */
    static final int MAX_POLICY_LENGTH = 20 * 1024;

    private final S3Repository repository;
    private final AccessAuthorizer authorizer;

    AccessControlOperations(S3Repository repository, AccessAuthorizer authorizer) {
        this.repository = requireNonNull(repository, "repository");
        this.authorizer = requireNonNull(authorizer, "authorizer");
    }

    /**
     * The bucket or object as authorisation sees it: owned by the bucket's account, under the bucket
     * policy (which need not allow on its own within the account, but must for another account's caller)
     * and, where ACLs are enabled, what the bucket's ACL grants to everyone. A public policy grants
     * nothing outside the owner's account while RestrictPublicBuckets is on, and public ACLs grant
     * nothing while IgnorePublicAcls is.
     */
    ProtectedResource resource(CallContext call, Bucket bucket, String arn) {
        return resource(call, bucket, arn, Optional.empty());
    }

    /**
     * As {@link #resource(CallContext, Bucket, String)}, for a request on an object version, weighing its ACL
     * too. An object another account owns (Object Ownership ObjectWriter) is that account's: the bucket
     * policy can still refuse access to it, but no longer grant it, and its ACL decides what the bucket's
     * owner may do with it.
     */
    ProtectedResource resource(CallContext call, Bucket bucket, String arn, Optional<ObjectVersion> object) {
        // the policy and the ACL settings in one look-up: every S3 request weighs both
        Map<String, String> documents = repository.configs(S3Repository.bucketScope(bucket.name()),
                Set.of(POLICY, BucketAclSettings.KIND));
        Optional<NamedPolicy> policy = Optional.ofNullable(documents.get(POLICY)).map(text -> policyOf(bucket, text));
        if (policy.isPresent() && !call.principal().accountId().equals(bucket.accountId())
                && effectiveBlock(bucket).restrictPublicBuckets()
                && PolicyPublicity.isPublic(policy.get().document())) {
            // cross-account without a resource policy: nothing can allow it
            policy = Optional.empty();
        }
        BucketAclSettings settings = aclSettings(Optional.ofNullable(documents.get(BucketAclSettings.KIND)));
        Optional<StoredAcl> objectAcl = settings.ownership().aclsEnabled()
                ? object.map(this::objectAcl) : Optional.empty();
        String owner = objectAcl.map(acl -> acl.ownerAccount(bucket.accountId())).orElse(bucket.accountId());
        if (!owner.equals(bucket.accountId())) {
            policy = policy.map(p -> new NamedPolicy(p.type(), p.source(), p.document().denyStatementsOnly()));
        }
        List<PolicyDocument> aclStatements = aclStatements(bucket, settings, objectAcl, owner);
        if (!aclStatements.isEmpty()) {
            policy = Optional.of(policy.map(p -> new NamedPolicy(p.type(), p.source(),
                            p.document().withStatementsOf(aclStatements)))
                    .orElseGet(() -> new NamedPolicy(PolicyType.RESOURCE, bucket.arn() + "/acl",
                            aclStatements.getFirst().withStatementsOf(aclStatements.subList(1, aclStatements.size())))));
        }
        return new ProtectedResource(arn, Optional.of(owner), policy, false);
    }

    /**
     * An object another account is creating where ACLs are enabled: that account owns it from its first
     * byte, so may set its ACL as its own policies allow; the bucket policy can still refuse.
     */
    ProtectedResource newObjectOfOtherAccount(CallContext call, Bucket bucket, String arn) {
        Optional<NamedPolicy> denials = policyOf(bucket)
                .map(p -> new NamedPolicy(p.type(), p.source(), p.document().denyStatementsOnly()));
        return new ProtectedResource(arn, Optional.of(call.principal().accountId()), denials, false);
    }

    /**
     * What the bucket's and the object's ACLs grant to others, unless ACLs are off; public grants count
     * for nothing while IgnorePublicAcls is on.
     */
    private List<PolicyDocument> aclStatements(Bucket bucket, BucketAclSettings settings,
                                               Optional<StoredAcl> objectAcl, String objectOwner) {
        if (!settings.ownership().aclsEnabled()) {
            return List.of();
        }
        boolean ignorePublic = effectiveBlock(bucket).ignorePublicAcls();
        List<PolicyDocument> statements = new ArrayList<>(AclStatements.of("BucketAcl",
                settings.acl().grants(bucket.accountId(), true), bucket.accountId(), true, ignorePublic));
        objectAcl.ifPresent(acl -> statements.addAll(AclStatements.of("ObjectAcl",
                acl.grants(bucket.accountId(), false), objectOwner, false, ignorePublic)));
        return statements;
    }

    /** The bucket's ownership controls and ACL; a new bucket's when none are stored. */
    BucketAclSettings aclSettings(Bucket bucket) {
        return aclSettings(repository.config(S3Repository.bucketScope(bucket.name()), BucketAclSettings.KIND));
    }

    /** A bucket without stored settings is as strict as a new one. */
    private static BucketAclSettings aclSettings(Optional<String> document) {
        return document.map(BucketAclSettings::parse).orElse(BucketAclSettings.NEW_BUCKET);
    }

    /**
     * Who owns each version of a bucket, for listings: the bucket's account while ACLs are disabled (the
     * default, BucketOwnerEnforced), else the owner kept with each version's ACL.
     */
    Function<ObjectVersion, String> owners(Bucket bucket) {
        if (!aclSettings(bucket).ownership().aclsEnabled()) {
            return version -> bucket.accountId();
        }
        return version -> objectAcl(version).ownerAccount(bucket.accountId());
    }

    /** The ACL and owner kept on an object version; private and the bucket owner's when none was. */
    StoredAcl objectAcl(ObjectVersion version) {
        if (version.deleteMarker()) {
            return StoredAcl.PRIVATE;
        }
        return repository.config(S3Repository.bucketScope(version.bucket()), objectAclKind(version))
                .map(StoredAcl::parse).orElse(StoredAcl.PRIVATE);
    }

    /** Keeps an object version's ACL and owner (the default is kept as none); call within its write's transaction. */
    void storeObjectAcl(ObjectVersion version, StoredAcl acl) {
        String kind = objectAclKind(version);
        String scope = S3Repository.bucketScope(version.bucket());
        if (acl.isDefault()) {
            repository.deleteConfig(scope, kind);
        } else {
            repository.putConfig(scope, kind, acl.document());
        }
    }

    /**
     * Carries a version's ACL and owner over to its body's new id (a transition to an archive class
     * copies the body), so that neither is lost with the move; call within the move's transaction.
     */
    static void moveObjectAcl(S3Repository repository, ObjectVersion from, ObjectVersion to) {
        String scope = S3Repository.bucketScope(from.bucket());
        Optional<String> acl = repository.config(scope, objectAclKind(from));
        if (acl.isPresent()) {
            repository.putConfig(scope, objectAclKind(to), acl.get());
            repository.deleteConfig(scope, objectAclKind(from));
        }
    }

    /** Drops the ACL of a version that is gone (deleted, replaced, expired); call within that change's transaction. */
    static void forgetObjectAcl(S3Repository repository, ObjectVersion gone) {
        if (gone.blobId() != null) {
            repository.deleteConfig(S3Repository.bucketScope(gone.bucket()), objectAclKind(gone));
        }
    }

    /**
     * An object's ACL is kept with its bucket's documents (so it goes with the bucket), under the id of
     * the version's body: that is never reused, so an ACL can never outlive its version onto a new one.
     */
    static String objectAclKind(ObjectVersion version) {
        return BucketAclSettings.KIND + "/" + version.blobId();
    }

    // ---- bucket policies

    void putBucketPolicy(CallContext call, String bucketName, String policy) {
        Bucket bucket = policyManaged(call, bucketName, "s3:PutBucketPolicy");
        PolicyDocument document = parse(policy, bucketName);
        if (effectiveBlock(bucket).blockPublicPolicy() && PolicyPublicity.isPublic(document)) {
            throw new AwsException("AccessDenied", 403, "User: " + call.principal().arn()
                    + " is not authorized to perform: s3:PutBucketPolicy on resource: \"" + bucket.arn()
                    + "\" because public policies are blocked by the BlockPublicPolicy block public access setting.");
        }
        repository.putConfig(S3Repository.bucketScope(bucketName), POLICY, policy);
    }

    /** The policy exactly as it was put. */
    String bucketPolicy(CallContext call, String bucketName) {
        policyManaged(call, bucketName, "s3:GetBucketPolicy");
        return repository.config(S3Repository.bucketScope(bucketName), POLICY).orElseThrow(S3Errors::noSuchBucketPolicy);
    }

    void deleteBucketPolicy(CallContext call, String bucketName) {
        policyManaged(call, bucketName, "s3:DeleteBucketPolicy");
        repository.deleteConfig(S3Repository.bucketScope(bucketName), POLICY);
    }

    /** GetBucketPolicyStatus: whether the bucket's policy is public; NoSuchBucketPolicy without one. */
    boolean policyIsPublic(CallContext call, String bucketName) {
        Bucket bucket = authorized(call, bucketName, "s3:GetBucketPolicyStatus");
        String policy = repository.config(S3Repository.bucketScope(bucketName), POLICY)
                .orElseThrow(S3Errors::noSuchBucketPolicy);
        return PolicyPublicity.isPublic(readStored(policy));
    }

    // ---- Block Public Access

    /** The bucket's own settings; all on when none are stored. */
    PublicAccessBlock publicAccessBlock(CallContext call, String bucketName) {
        authorized(call, bucketName, "s3:GetBucketPublicAccessBlock");
        return stored(S3Repository.bucketScope(bucketName));
    }

    void putPublicAccessBlock(CallContext call, String bucketName, PublicAccessBlock settings) {
        authorized(call, bucketName, "s3:PutBucketPublicAccessBlock");
        repository.putConfig(S3Repository.bucketScope(bucketName), PUBLIC_ACCESS_BLOCK, settings.document());
    }

    /** Removes the bucket's settings, which then read as all on again (as a new bucket's). */
    void deletePublicAccessBlock(CallContext call, String bucketName) {
        authorized(call, bucketName, "s3:PutBucketPublicAccessBlock");
        repository.deleteConfig(S3Repository.bucketScope(bucketName), PUBLIC_ACCESS_BLOCK);
    }

    PublicAccessBlock accountPublicAccessBlock(CallContext call, String accountId) {
        ownAccount(call, accountId, "s3:GetAccountPublicAccessBlock");
        return stored(S3Repository.accountScope(accountId));
    }

    void putAccountPublicAccessBlock(CallContext call, String accountId, PublicAccessBlock settings) {
        ownAccount(call, accountId, "s3:PutAccountPublicAccessBlock");
        repository.putConfig(S3Repository.accountScope(accountId), PUBLIC_ACCESS_BLOCK, settings.document());
    }

    void deleteAccountPublicAccessBlock(CallContext call, String accountId) {
        ownAccount(call, accountId, "s3:PutAccountPublicAccessBlock");
        repository.deleteConfig(S3Repository.accountScope(accountId), PUBLIC_ACCESS_BLOCK);
    }

    /** What binds the bucket: its own settings OR its account's. */
    PublicAccessBlock effectiveBlock(Bucket bucket) {
        return stored(S3Repository.bucketScope(bucket.name())).or(stored(S3Repository.accountScope(bucket.accountId())));
    }

    // ----

    private Bucket authorized(CallContext call, String bucketName, String action) {
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        authorizer.authorize(call, action, resource(call, bucket, bucket.arn()), Map.of());
        return bucket;
    }

    /**
     * The bucket, for the three policy operations. As in S3, the root of the owning account may always
     * perform them, even when the policy denies it (so an owner cannot lock itself out for good); any
     * other caller needs the permission, and one of another account is refused with MethodNotAllowed even
     * when a policy grants it.
     */
    private Bucket policyManaged(CallContext call, String bucketName, String action) {
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        Principal principal = call.principal();
        if (principal.isRoot() && principal.accountId().equals(bucket.accountId())) {
            return bucket;
        }
        authorizer.authorize(call, action, resource(call, bucket, bucket.arn()), Map.of());
        if (!principal.accountId().equals(bucket.accountId())) {
            throw S3Errors.methodNotAllowed();
        }
        return bucket;
    }

    private void ownAccount(CallContext call, String accountId, String action) {
        authorizer.authorize(call, action, "*");
        if (!call.principal().accountId().equals(accountId)) {
            throw new AwsException("AccessDenied", 403, "Access Denied");
        }
    }

    private Optional<NamedPolicy> policyOf(Bucket bucket) {
        return repository.config(S3Repository.bucketScope(bucket.name()), POLICY).map(text -> policyOf(bucket, text));
    }

    private static NamedPolicy policyOf(Bucket bucket, String text) {
        return new NamedPolicy(PolicyType.RESOURCE, bucket.arn() + "/policy", readStored(text));
    }

    /** A stored policy; one that no longer parses denies everything (deny on doubt). */
    private static PolicyDocument readStored(String text) {
        try {
            return PolicyDocument.parse(text, PolicyKind.RESOURCE);
        } catch (MalformedPolicyDocumentException e) {
            return PolicyDocument.denyAll(PolicyKind.RESOURCE);
        }
    }

    private PublicAccessBlock stored(String scope) {
        return repository.config(scope, PUBLIC_ACCESS_BLOCK).map(PublicAccessBlock::parse)
                .orElse(PublicAccessBlock.ALL_ON);
    }

    /**
     * Validates a bucket policy with IAM's grammar and S3's own rules, answering S3's MalformedPolicy:
     * every action must be an S3 one, and every resource this bucket or objects in it.
     */
    static PolicyDocument parse(String policy, String bucketName) {
        if (policy == null || !policy.stripLeading().startsWith("{")) {
            throw S3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        if (policy.length() > MAX_POLICY_LENGTH) {
            throw S3Errors.malformedPolicy("Policy exceeds the maximum allowed document size.");
        }
        PolicyDocument document;
        try {
            document = PolicyDocument.parse(policy, PolicyKind.RESOURCE);
        } catch (MalformedPolicyDocumentException e) {
            throw S3Errors.malformedPolicy(e.getMessage());
        }
        for (PolicyOutline.StatementOutline statement : PolicyOutline.of(document)) {
            for (String action : statement.actions()) {
                if (!action.equals("*") && !action.toLowerCase(Locale.ROOT).startsWith("s3:")) {
                    throw S3Errors.malformedPolicy("Policy has invalid action");
                }
            }
            for (String resource : statement.resources()) {
                if (!coversOnlyThisBucket(resource, bucketName)) {
                    throw S3Errors.malformedPolicy("Policy has invalid resource");
                }
            }
        }
        return document;
    }

    /**
     * Whether a policy resource names this bucket or objects in it: {@code *}, {@code arn:aws:s3:::<bucket>}
     * or {@code arn:aws:s3:::<bucket>/…}, where the bucket part may be a pattern that matches this bucket.
     */
    private static boolean coversOnlyThisBucket(String resource, String bucketName) {
        String prefix = "arn:aws:s3:::";
        if (resource.equals("*")) {
            return true;
        }
        if (!resource.startsWith(prefix)) {
            return false;
        }
        String rest = resource.substring(prefix.length());
        int slash = rest.indexOf('/');
        return globMatches(slash < 0 ? rest : rest.substring(0, slash), bucketName);
    }

    private static boolean globMatches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
