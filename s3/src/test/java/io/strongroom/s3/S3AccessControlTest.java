package io.strongroom.s3;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.CreatedAccessKey;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.s3.testing.InMemoryMultipartRepository;
import io.strongroom.s3.testing.InMemoryS3Repository;
import io.strongroom.s3.testing.InMemoryS3Transactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Bucket policies, Block Public Access and the S3 condition keys, over fakes with two accounts. */
class S3AccessControlTest {
    private static final String MEMBER = "222233334444";

    private final IamFixture iam = new IamFixture();
    private final InMemoryS3Repository repository = new InMemoryS3Repository();
    private final S3Service s3 = new S3Service(repository, new InMemoryMultipartRepository(), new InMemoryBlobStore(), new FixedDataKeys(),
            new InMemoryS3Transactor(repository), iam.authorizer, iam.clock, "us-east-1");
    private final CallContext admin = iam.admin;
    private final CallContext memberRoot;
    private final CallContext memberUser;

    S3AccessControlTest() {
        iam.repository.insertAccount(new Account(MEMBER, "team", "team@example.com", iam.bootstrap.organizationId(),
                iam.clock.instant()));
        memberRoot = root(MEMBER);
        iam.iam.createUser(memberRoot, "reader", Optional.empty(), Optional.empty(), List.of());
        iam.iam.putUserPolicy(memberRoot, "reader", "s3", IamFixture.allow("s3:*", "*"));
        CreatedAccessKey key = iam.iam.createAccessKey(memberRoot, Optional.of("reader"));
        memberUser = iam.callAs(key.key().accessKeyId());
        s3.createBucket(admin, "shared", Optional.empty(), false);
        put(admin, "shared", "report.csv", Map.of("classification", "internal"));
    }

    @Test
    void thePolicyIsStoredExactlyAsGivenAndDeleted() {
        String policy = "{ \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::shared/*\"}]}  ";
        assertAwsError(() -> s3.bucketPolicy(admin, "shared"), "NoSuchBucketPolicy", 404);
        assertAwsError(() -> s3.bucketPolicyIsPublic(admin, "shared"), "NoSuchBucketPolicy", 404);
        s3.putBucketPolicy(admin, "shared", policy);
        assertThat(s3.bucketPolicy(admin, "shared")).isEqualTo(policy);
        assertThat(s3.bucketPolicyIsPublic(admin, "shared")).isFalse();
        s3.deleteBucketPolicy(admin, "shared");
        assertAwsError(() -> s3.bucketPolicy(admin, "shared"), "NoSuchBucketPolicy", 404);
        s3.deleteBucketPolicy(admin, "shared"); // deleting what is not there succeeds, as in S3
        assertAwsError(() -> s3.putBucketPolicy(admin, "missing", policy), "NoSuchBucket", 404);
    }

    @Test
    void aMalformedPolicyIsRefusedAndChangesNothing() {
        for (String bad : List.of("", "not json", "[1]", "{\"Version\":\"2012-10-17\"}",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                "{\"Statement\":[{\"Effect\":\"Maybe\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"someone\"},\"Action\":\"s3:*\","
                        + "\"Resource\":\"*\"}]}",
                "{\"Statement\":[" + "x".repeat(21_000) + "]}",
                policy("Allow", "\"*\"", "kms:Decrypt", "arn:aws:s3:::shared/*", ""),
                policy("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::other-bucket/*", ""),
                policy("Allow", "\"*\"", "s3:GetObject", "arn:aws:kms:us-east-1:111122223333:key/k", ""))) {
            assertAwsError(() -> s3.putBucketPolicy(admin, "shared", bad), "MalformedPolicy", 400);
        }
        assertAwsError(() -> s3.bucketPolicy(admin, "shared"), "NoSuchBucketPolicy", 404);
        assertAwsError(() -> s3.putBucketPolicy(admin, "shared", policy("Deny", "\"*\"", "s3:GetObject",
                "arn:aws:s3:::elsewhere", "")), "MalformedPolicy", 400).hasMessage("Policy has invalid resource");
        assertAwsError(() -> s3.putBucketPolicy(admin, "shared", policy("Deny", "\"*\"", "iam:CreateUser",
                "arn:aws:s3:::shared", "")), "MalformedPolicy", 400).hasMessage("Policy has invalid action");
        // patterns that match this bucket, and "*", name only this bucket's resources once attached to it
        for (String resource : List.of("*", "arn:aws:s3:::shar?d/*", "arn:aws:s3:::sh*", "arn:aws:s3:::shared")) {
            s3.putBucketPolicy(admin, "shared", policy("Deny", "\"*\"", "s3:DeleteObject", resource, ""));
        }
    }

    @Test
    void anExplicitDenyInTheBucketPolicyBindsTheAdministrator() throws IOException {
        s3.putBucketPolicy(admin, "shared", policy("Deny", "\"*\"", "s3:GetObject", "arn:aws:s3:::shared/*", ""));
        assertAwsError(() -> s3.getObject(admin, "shared", "report.csv", Optional.empty(), Optional.empty()),
                "AccessDenied", 403);
        assertAwsError(() -> s3.headObject(admin, "shared", "report.csv", Optional.empty()), "AccessDenied", 403);
        // a key that does not exist is not told apart from one that does
        assertAwsError(() -> s3.headObject(admin, "shared", "nothing-here", Optional.empty()), "AccessDenied", 403);
        put(admin, "shared", "other.csv", Map.of()); // PutObject is not denied
        s3.deleteBucketPolicy(admin, "shared");
        try (ObjectContent content = s3.getObject(admin, "shared", "report.csv", Optional.empty(), Optional.empty())) {
            assertThat(content.body().readAllBytes()).isEqualTo("data".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theOwnersRootMayAlwaysManageThePolicyEvenWhenItDeniesEveryone() {
        CallContext ownerRoot = root(iam.account);
        s3.putBucketPolicy(admin, "shared", policy("Deny", "\"*\"", "s3:*", "arn:aws:s3:::shared", ""));
        assertAwsError(() -> s3.bucketPolicy(admin, "shared"), "AccessDenied", 403);
        assertThat(s3.bucketPolicy(ownerRoot, "shared")).contains("Deny");
        s3.deleteBucketPolicy(ownerRoot, "shared");
        assertAwsError(() -> s3.bucketPolicy(admin, "shared"), "NoSuchBucketPolicy", 404);
    }

    @Test
    void anotherAccountReadsOnlyWhatThePolicyGrantsIt() throws IOException {
        assertAwsError(() -> s3.getObject(memberUser, "shared", "report.csv", Optional.empty(), Optional.empty()),
                "AccessDenied", 403);
        s3.putBucketPolicy(admin, "shared", policy("Allow", "{\"AWS\":\"arn:aws:iam::" + MEMBER + ":user/reader\"}",
                "s3:GetObject", "arn:aws:s3:::shared/*", ""));
        try (ObjectContent content = s3.getObject(memberUser, "shared", "report.csv", Optional.empty(),
                Optional.empty())) {
            assertThat(content.body().readAllBytes()).isEqualTo("data".getBytes(StandardCharsets.UTF_8));
        }
        assertAwsError(() -> put(memberUser, "shared", "upload.csv", Map.of()), "AccessDenied", 403);
        // another account may not read or change the policy itself even when granted
        s3.putBucketPolicy(admin, "shared", policy("Allow", "{\"AWS\":\"" + MEMBER + "\"}", "s3:*",
                "arn:aws:s3:::shared", ""));
        assertAwsError(() -> s3.bucketPolicy(memberUser, "shared"), "MethodNotAllowed", 405);
        assertAwsError(() -> s3.deleteBucketPolicy(memberUser, "shared"), "MethodNotAllowed", 405);
    }

    @Test
    void aPublicPolicyIsRefusedWhileBlockPublicPolicyIsOnAtBucketOrAccountLevel() {
        String everyone = policy("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::shared/*", "");
        assertThat(s3.publicAccessBlock(admin, "shared")).isEqualTo(PublicAccessBlock.ALL_ON);
        assertThat(s3.accountPublicAccessBlock(admin, iam.account)).isEqualTo(PublicAccessBlock.ALL_ON);
        assertAwsError(() -> s3.putBucketPolicy(admin, "shared", everyone), "AccessDenied", 403)
                .hasMessageContaining("because public policies are blocked by the BlockPublicPolicy block public "
                        + "access setting");
        assertAwsError(() -> s3.bucketPolicy(admin, "shared"), "NoSuchBucketPolicy", 404);

        PublicAccessBlock off = new PublicAccessBlock(false, false, false, false);
        s3.putPublicAccessBlock(admin, "shared", off);
        assertThat(s3.publicAccessBlock(admin, "shared")).isEqualTo(off);
        // the account's settings still bind: the stricter of the two wins
        assertAwsError(() -> s3.putBucketPolicy(admin, "shared", everyone), "AccessDenied", 403);
        s3.putAccountPublicAccessBlock(admin, iam.account, new PublicAccessBlock(true, true, false, true));
        s3.putBucketPolicy(admin, "shared", everyone);
        assertThat(s3.bucketPolicyIsPublic(admin, "shared")).isTrue();

        s3.deletePublicAccessBlock(admin, "shared");
        assertThat(s3.publicAccessBlock(admin, "shared")).isEqualTo(PublicAccessBlock.ALL_ON);
        s3.deleteAccountPublicAccessBlock(admin, iam.account);
        assertThat(s3.accountPublicAccessBlock(admin, iam.account)).isEqualTo(PublicAccessBlock.ALL_ON);
    }

    @Test
    void restrictPublicBucketsKeepsAPublicPolicyFromGrantingOtherAccounts() throws IOException {
        s3.putPublicAccessBlock(admin, "shared", new PublicAccessBlock(false, false, false, false));
        s3.putAccountPublicAccessBlock(admin, iam.account, new PublicAccessBlock(false, false, false, false));
        s3.putBucketPolicy(admin, "shared", policy("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::shared/*", ""));
        s3.getObject(memberUser, "shared", "report.csv", Optional.empty(), Optional.empty()).close();

        s3.putPublicAccessBlock(admin, "shared", new PublicAccessBlock(false, false, false, true));
        assertAwsError(() -> s3.getObject(memberUser, "shared", "report.csv", Optional.empty(), Optional.empty()),
                "AccessDenied", 403);
        // within the owner's account the policy still applies
        CallContext local = iam.newUser("local");
        s3.getObject(local, "shared", "report.csv", Optional.empty(), Optional.empty()).close();
    }

    @Test
    void theAccountSettingsAreTheCallersOwnAccountsOnly() {
        assertAwsError(() -> s3.accountPublicAccessBlock(admin, MEMBER), "AccessDenied", 403);
        assertAwsError(() -> s3.putAccountPublicAccessBlock(admin, MEMBER, PublicAccessBlock.ALL_ON),
                "AccessDenied", 403);
        CallContext nobody = iam.newUser("nobody");
        Assertions.assertThatThrownBy(() -> s3.publicAccessBlock(nobody, "shared"))
                .isInstanceOf(AccessDeniedException.class);
        Assertions.assertThatThrownBy(() -> s3.putBucketPolicy(nobody, "shared", "{}"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void conditionKeysOfObjectRequestsAreWhatThePolicyTests() {
        CallContext analyst = iam.newUser("analyst");
        iam.allowUser("analyst", "s3", "s3:*");
        put(admin, "shared", "public.csv", Map.of("classification", "public"));
        s3.putBucketPolicy(admin, "shared", policy("Deny", "\"*\"", "s3:GetObject", "arn:aws:s3:::shared/*",
                ",\"Condition\":{\"StringNotEquals\":{\"s3:ExistingObjectTag/classification\":\"public\"},"
                        + "\"StringLike\":{\"aws:PrincipalArn\":\"*:user/analyst\"}}"));
        s3.headObject(analyst, "shared", "public.csv", Optional.empty());
        assertAwsError(() -> s3.headObject(analyst, "shared", "report.csv", Optional.empty()), "AccessDenied", 403);

        s3.putBucketPolicy(admin, "shared", policy("Deny", "\"*\"", "s3:PutObject", "arn:aws:s3:::shared/*",
                ",\"Condition\":{\"StringNotEquals\":{\"s3:RequestObjectTag/project\":\"alpha\"}}"));
        put(analyst, "shared", "tagged.csv", Map.of("project", "alpha"));
        assertAwsError(() -> put(analyst, "shared", "untagged.csv", Map.of()), "AccessDenied", 403);

        s3.putBucketPolicy(admin, "shared", policy("Deny", "\"*\"", "s3:DeleteObjectVersion",
                "arn:aws:s3:::shared/*", ",\"Condition\":{\"StringEquals\":{\"s3:versionid\":\"null\"}}"));
        assertAwsError(() -> s3.deleteObject(analyst, "shared", "tagged.csv", Optional.of("null")),
                "AccessDenied", 403);
        s3.deleteObject(analyst, "shared", "tagged.csv", Optional.empty());

        s3.putBucketPolicy(admin, "shared", policy("Deny", "\"*\"", "s3:PutObject", "arn:aws:s3:::shared/*",
                ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}"));
        assertAwsError(() -> put(analyst, "shared", "over-tls.csv", Map.of()), "AccessDenied", 403);
    }

    // ---- helpers

    private static String policy(String effect, String principal, String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Principal\":" + principal
                + ",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"" + condition + "}]}";
    }

    private ObjectVersion put(CallContext call, String bucket, String key, Map<String, String> tags) {
        byte[] body = "data".getBytes(StandardCharsets.UTF_8);
        return s3.putObject(call, new PutObjectRequest(bucket, key, body.length, Map.of(), Map.of(), Optional.empty(),
                Optional.empty(), Optional::empty, tags, Optional.empty(), Optional.empty()),
                new ByteArrayInputStream(body));
    }

    private CallContext root(String account) {
        Principal root = new Principal(PrincipalType.ROOT, account, "arn:aws:iam::" + account + ":root",
                "arn:aws:iam::" + account + ":root", account, account, "AKIAROOT" + account, Map.of(), Optional.empty());
        return new CallContext("r", root, "10.0.0.1", "", true, "us-east-1", iam.clock.instant());
    }
}
