package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.core.sync.RequestBody;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;
import software.amazon.awssdk.services.s3control.S3ControlClient;



/**
 * Object Ownership and ACLs: disabled on new buckets (every write may carry at most
 * bucket-owner-full-control), honoured as canned ACLs once ownership controls enable them, and held
 * back by Block Public Access.
 */
@ExtendWith(StrongroomExtension.class)
class S3AclEndToEndTest {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

    @Test
    void aclsAreDisabledOnANewBucketAndReadingThemShowsTheOwnersFullControl(S3Client s3) {
        s3.createBucket(r -> r.bucket("acl-disabled"));
        String owner = s3.listBuckets().owner().id();
        assertThat(s3.getBucketOwnershipControls(r -> r.bucket("acl-disabled")).ownershipControls().rules())
                .singleElement().satisfies(rule -> assertThat(rule.objectOwnership())
                        .isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED));
        var bucketAcl = s3.getBucketAcl(r -> r.bucket("acl-disabled"));
        assertThat(bucketAcl.owner().id()).isEqualTo(owner);
        assertThat(bucketAcl.grants()).singleElement().satisfies(grant -> {
            assertThat(grant.grantee().type()).isEqualTo(Type.CANONICAL_USER);
            assertThat(grant.grantee().id()).isEqualTo(owner);
            assertThat(grant.permission()).isEqualTo(Permission.FULL_CONTROL);
        });

        var refused = assertAwsError(() -> s3.putObject(r -> r.bucket("acl-disabled").key("open.txt")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x")), "AccessControlListNotSupported", 400);
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("The bucket does not allow ACLs");
        assertAwsError(() -> s3.headObject(r -> r.bucket("acl-disabled").key("open.txt")), "NoSuchKey", 404);

        s3.putObject(r -> r.bucket("acl-disabled").key("owned.txt").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("owned"));
        assertThat(s3.getObjectAcl(r -> r.bucket("acl-disabled").key("owned.txt")).grants()).singleElement()
                .satisfies(grant -> assertThat(grant.permission()).isEqualTo(Permission.FULL_CONTROL));
        assertAwsError(() -> s3.putObjectAcl(r -> r.bucket("acl-disabled").key("owned.txt")
                .acl(ObjectCannedACL.PUBLIC_READ)), "AccessControlListNotSupported", 400);
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-disabled").acl(BucketCannedACL.PUBLIC_READ)),
                "AccessControlListNotSupported", 400);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("acl-disabled").sourceKey("owned.txt")
                .destinationBucket("acl-disabled").destinationKey("copy.txt").acl(ObjectCannedACL.PUBLIC_READ_WRITE)),
                "AccessControlListNotSupported", 400);
        assertAwsError(() -> s3.headObject(r -> r.bucket("acl-disabled").key("copy.txt")), "NoSuchKey", 404);
        assertAwsError(() -> s3.createMultipartUpload(r -> r.bucket("acl-disabled").key("big.bin")
                .acl(ObjectCannedACL.AUTHENTICATED_READ)), "AccessControlListNotSupported", 400);
    }

    @Test
    void createBucketRefusesAnAclItsOwnershipForbidsAndAnUnknownSetting(S3Client s3) {
        assertAwsError(() -> s3.createBucket(r -> r.bucket("acl-create-public").acl(BucketCannedACL.PUBLIC_READ)),
                "InvalidBucketAclWithObjectOwnership", 400);
        assertAwsError(() -> s3.createBucket(r -> r.bucket("acl-create-public")
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED).acl(BucketCannedACL.PUBLIC_READ)),
                "AccessDenied", 403);
        assertAwsError(() -> s3.createBucket(r -> r.bucket("acl-create-public").objectOwnership("Everyone")),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.createBucket(r -> r.bucket("acl-create-public").acl("world-writable")),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.headBucket(r -> r.bucket("acl-create-public")), "NoSuchBucket", 404);

        s3.createBucket(r -> r.bucket("acl-create-private").objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .acl(BucketCannedACL.PRIVATE));
        assertThat(s3.getBucketOwnershipControls(r -> r.bucket("acl-create-private")).ownershipControls().rules()
                .getFirst().objectOwnership()).isEqualTo(ObjectOwnership.OBJECT_WRITER);

        // ACLs enabled: a public grant meets Block Public Access, and a PutBucketAcl must say what it sets
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-create-private")
                .grantRead("uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"")), "AccessDenied", 403);
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-create-private")), "MissingSecurityHeader", 400);
        assertThat(s3.getBucketAcl(r -> r.bucket("acl-create-private")).grants()).singleElement()
                .satisfies(grant -> assertThat(grant.permission()).isEqualTo(Permission.FULL_CONTROL));
    }

    @Test
    void ownershipControlsCanBeChangedAndDeletedButNotEnforcedOverAnAclThatGrantsOthers(S3Client s3,
                                                                                        StrongroomTestServer server) {
        s3.createBucket(r -> r.bucket("acl-ownership").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
        s3.putPublicAccessBlock(r -> r.bucket("acl-ownership").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(true).restrictPublicBuckets(true)));
        try (S3ControlClient control = MemberAccounts.s3Control(server)) {
            String account = s3.listBuckets().owner().id();
            openAccount(control, account);
            try {
                s3.putBucketAcl(r -> r.bucket("acl-ownership").acl(BucketCannedACL.PUBLIC_READ));
                assertThat(s3.getBucketAcl(r -> r.bucket("acl-ownership")).grants())
                        .anySatisfy(grant -> {
                            assertThat(grant.grantee().uri()).isEqualTo(ALL_USERS);
                            assertThat(grant.permission()).isEqualTo(Permission.READ);
                        });
                assertAwsError(() -> s3.putBucketOwnershipControls(r -> r.bucket("acl-ownership")
                        .ownershipControls(c -> c.rules(rule -> rule.objectOwnership(
                                ObjectOwnership.BUCKET_OWNER_ENFORCED)))), "InvalidBucketAclWithObjectOwnership", 400);
                s3.putBucketAcl(r -> r.bucket("acl-ownership").acl(BucketCannedACL.PRIVATE));
                s3.putBucketOwnershipControls(r -> r.bucket("acl-ownership").ownershipControls(c -> c.rules(
                        rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
                assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-ownership").acl(BucketCannedACL.PUBLIC_READ)),
                        "AccessControlListNotSupported", 400);
            } finally {
                control.deletePublicAccessBlock(r -> r.accountId(account));
            }
        }
        s3.deleteBucketOwnershipControls(r -> r.bucket("acl-ownership"));
        assertAwsError(() -> s3.getBucketOwnershipControls(r -> r.bucket("acl-ownership")),
                "OwnershipControlsNotFoundError", 404);
        assertAwsError(() -> s3.putBucketOwnershipControls(r -> r.bucket("acl-ownership").ownershipControls(c -> c
                .rules(rule -> rule.objectOwnership("Nobody")))), "MalformedXML", 400);
    }

    @Test
    void aPublicCannedAclOpensAnObjectOnlyWhileBlockPublicAccessAllowsIt(S3Client s3, StrongroomTestServer server) {
        S3Client outsider = MemberAccounts.administrator(server, "acl-outsider").s3();
        s3.createBucket(r -> r.bucket("acl-public").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
        assertAwsError(() -> s3.putObject(r -> r.bucket("acl-public").key("notice.txt").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("hello")), "AccessDenied", 403);
        assertAwsError(() -> s3.headObject(r -> r.bucket("acl-public").key("notice.txt")), "NoSuchKey", 404);

        s3.putPublicAccessBlock(r -> r.bucket("acl-public").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(true).restrictPublicBuckets(true)));
        try (S3ControlClient control = MemberAccounts.s3Control(server)) {
            String account = s3.listBuckets().owner().id();
            // the account's settings (all on by default) still bind
            assertAwsError(() -> s3.putObject(r -> r.bucket("acl-public").key("notice.txt")
                    .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("hello")), "AccessDenied", 403);
            openAccount(control, account);
            try {
                s3.putObject(r -> r.bucket("acl-public").key("notice.txt").acl(ObjectCannedACL.PUBLIC_READ),
                        RequestBody.fromString("hello"));
                s3.putObject(r -> r.bucket("acl-public").key("private.txt"), RequestBody.fromString("secret"));
                GetObjectAclResponse acl = s3.getObjectAcl(r -> r.bucket("acl-public").key("notice.txt"));
                assertThat(acl.grants()).extracting(Grant::permission)
                        .containsExactly(Permission.FULL_CONTROL, Permission.READ);
                assertThat(acl.grants().get(1).grantee().uri()).isEqualTo(ALL_USERS);

                assertThat(outsider.getObjectAsBytes(r -> r.bucket("acl-public").key("notice.txt")).asUtf8String())
                        .isEqualTo("hello");
                assertAwsError(() -> outsider.getObjectAsBytes(r -> r.bucket("acl-public").key("private.txt")),
                        "AccessDenied", 403);
                assertAwsError(() -> outsider.listObjectsV2(r -> r.bucket("acl-public")), "AccessDenied", 403);
                assertAwsError(() -> outsider.putObjectAcl(r -> r.bucket("acl-public").key("notice.txt")
                        .acl(ObjectCannedACL.PUBLIC_READ_WRITE)), "AccessDenied", 403);

                // an explicit deny in the bucket policy outweighs the ACL
                s3.putBucketPolicy(r -> r.bucket("acl-public").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                        + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::acl-public/notice.txt\"}]}"));
                assertAwsError(() -> outsider.getObjectAsBytes(r -> r.bucket("acl-public").key("notice.txt")),
                        "AccessDenied", 403);
                s3.deleteBucketPolicy(r -> r.bucket("acl-public"));

                // a public bucket ACL lets everyone list, until IgnorePublicAcls
                s3.putBucketAcl(r -> r.bucket("acl-public").acl(BucketCannedACL.PUBLIC_READ));
                assertThat(outsider.listObjectsV2(r -> r.bucket("acl-public")).contents()).hasSize(2);
                s3.putPublicAccessBlock(r -> r.bucket("acl-public").publicAccessBlockConfiguration(c -> c
                        .blockPublicAcls(false).ignorePublicAcls(true).blockPublicPolicy(true)
                        .restrictPublicBuckets(true)));
                assertAwsError(() -> outsider.listObjectsV2(r -> r.bucket("acl-public")), "AccessDenied", 403);
                assertAwsError(() -> outsider.getObjectAsBytes(r -> r.bucket("acl-public").key("notice.txt")),
                        "AccessDenied", 403);

                s3.putPublicAccessBlock(r -> r.bucket("acl-public").publicAccessBlockConfiguration(c -> c
                        .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(true)
                        .restrictPublicBuckets(true)));
                s3.putObjectAcl(r -> r.bucket("acl-public").key("notice.txt").acl(ObjectCannedACL.PRIVATE));
                s3.putBucketAcl(r -> r.bucket("acl-public").acl(BucketCannedACL.PRIVATE));
                assertAwsError(() -> outsider.getObjectAsBytes(r -> r.bucket("acl-public").key("notice.txt")),
                        "AccessDenied", 403);
            } finally {
                control.deletePublicAccessBlock(r -> r.accountId(account));
            }
            assertAwsError(() -> s3.putObjectAcl(r -> r.bucket("acl-public").key("notice.txt")
                    .acl(ObjectCannedACL.PUBLIC_READ)), "AccessDenied", 403);
        }
    }

    @Test
    void aBucketPolicyCanRequireBucketOwnerFullControlOnEveryWrite(S3Client s3) {
        s3.createBucket(r -> r.bucket("acl-required"));
        s3.putBucketPolicy(r -> r.bucket("acl-required").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::acl-required/*\",\"Condition\":{\"StringNotEquals\":"
                + "{\"s3:x-amz-acl\":\"bucket-owner-full-control\"}}}]}"));
        assertAwsError(() -> s3.putObject(r -> r.bucket("acl-required").key("a.txt"), RequestBody.fromString("a")),
                "AccessDenied", 403);
        s3.putObject(r -> r.bucket("acl-required").key("a.txt").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("a"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("acl-required").key("a.txt")).asUtf8String()).isEqualTo("a");
    }

    private static void openAccount(S3ControlClient control, String account) {
        control.putPublicAccessBlock(r -> r.accountId(account).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(true).restrictPublicBuckets(true)));
    }
}
