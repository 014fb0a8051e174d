package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * Explicit ACL grants ({@code x-amz-grant-*} headers and AccessControlPolicy bodies), ACLs on multipart
 * uploads, and who owns an object under each Object Ownership setting, with a second account of the
 * organization as the grantee.
 */
@ExtendWith(StrongroomExtension.class)
class S3AclGrantsEndToEndTest {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    @Test
    void grantHeadersGiveAnotherAccountWhatTheyNameAndGetBucketAclListsThem(S3Client s3, StrongroomTestServer server) {
        AwsClients partner = MemberAccounts.administrator(server, "acl-grant-partner");
        String partnerId = partner.sts().getCallerIdentity().account();
        String owner = s3.listBuckets().owner().id();
        s3.createBucket(r -> r.bucket("acl-grants").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .grantFullControl("id=\"" + owner + "\"").grantRead("id=\"" + partnerId + "\"")
                .grantWrite("uri=\"" + LOG_DELIVERY + "\""));
        s3.putObject(r -> r.bucket("acl-grants").key("report.csv"), RequestBody.fromString("a,b"));

        assertThat(s3.getBucketAcl(r -> r.bucket("acl-grants")).grants())
                .extracting(g -> g.grantee().type(), g -> g.grantee().id(), g -> g.grantee().uri(), Grant::permission)
                .containsExactly(tuple(Type.CANONICAL_USER, owner, null, Permission.FULL_CONTROL),
                        tuple(Type.GROUP, null, LOG_DELIVERY, Permission.WRITE),
                        tuple(Type.CANONICAL_USER, partnerId, null, Permission.READ));
        // READ on the bucket lists it, and no more
        assertThat(partner.s3().listObjectsV2(r -> r.bucket("acl-grants")).contents()).hasSize(1);
        assertAwsError(() -> partner.s3().getObjectAsBytes(r -> r.bucket("acl-grants").key("report.csv")),
                "AccessDenied", 403);
        assertAwsError(() -> partner.s3().putObject(r -> r.bucket("acl-grants").key("in.txt"),
                RequestBody.fromString("x")), "AccessDenied", 403);
        assertAwsError(() -> partner.s3().getBucketAcl(r -> r.bucket("acl-grants")), "AccessDenied", 403);

        // READ_ACP and WRITE on the bucket, through PutBucketAcl's headers; the grants replace the old ones
        s3.putBucketAcl(r -> r.bucket("acl-grants").grantFullControl("id=\"" + owner + "\"")
                .grantReadACP("id=\"" + partnerId + "\"").grantWrite("id=" + partnerId));
        assertThat(partner.s3().getBucketAcl(r -> r.bucket("acl-grants")).grants()).extracting(Grant::permission)
                .containsExactly(Permission.FULL_CONTROL, Permission.WRITE, Permission.READ_ACP);
        assertAwsError(() -> partner.s3().listObjectsV2(r -> r.bucket("acl-grants")), "AccessDenied", 403);
        partner.s3().putObject(r -> r.bucket("acl-grants").key("in.txt"), RequestBody.fromString("x"));

        // an object's READ grant, from an AccessControlPolicy body
        s3.putObjectAcl(r -> r.bucket("acl-grants").key("report.csv").accessControlPolicy(AccessControlPolicy.builder()
                .owner(o -> o.id(owner))
                .grants(grant(Grantee.builder().type(Type.CANONICAL_USER).id(owner).build(), Permission.FULL_CONTROL),
                        grant(Grantee.builder().type(Type.CANONICAL_USER).id(partnerId).build(), Permission.READ))
                .build()));
        assertThat(partner.s3().getObjectAsBytes(r -> r.bucket("acl-grants").key("report.csv")).asUtf8String())
                .isEqualTo("a,b");
        assertThat(s3.getObjectAcl(r -> r.bucket("acl-grants").key("report.csv")).grants())
                .extracting(g -> g.grantee().id(), Grant::permission)
                .containsExactly(tuple(owner, Permission.FULL_CONTROL), tuple(partnerId, Permission.READ));
        assertAwsError(() -> partner.s3().getObjectAcl(r -> r.bucket("acl-grants").key("report.csv")),
                "AccessDenied", 403);

        // CopyObject's grant headers go on the copy
        s3.copyObject(r -> r.sourceBucket("acl-grants").sourceKey("report.csv").destinationBucket("acl-grants")
                .destinationKey("copy.csv").grantRead("id=\"" + partnerId + "\"").grantReadACP("id=\"" + partnerId + "\""));
        assertThat(partner.s3().getObjectAcl(r -> r.bucket("acl-grants").key("copy.csv")).grants())
                .extracting(g -> g.grantee().id(), Grant::permission)
                .containsExactly(tuple(partnerId, Permission.READ), tuple(partnerId, Permission.READ_ACP));

        // an explicit deny in the bucket policy still outweighs a grant
        s3.putBucketPolicy(r -> r.bucket("acl-grants").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + partnerId + "\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::acl-grants/*\"}]}"));
        assertAwsError(() -> partner.s3().getObjectAsBytes(r -> r.bucket("acl-grants").key("report.csv")),
                "AccessDenied", 403);
    }

    @Test
    void badGrantsAreRefusedWithS3sErrorsAndChangeNothing(S3Client s3) {
        String owner = s3.listBuckets().owner().id();
        s3.createBucket(r -> r.bucket("acl-bad-grants").objectOwnership(ObjectOwnership.OBJECT_WRITER));
        s3.putObject(r -> r.bucket("acl-bad-grants").key("a.txt"), RequestBody.fromString("a"));
        var bucketAcl = s3.getBucketAcl(r -> r.bucket("acl-bad-grants")).grants();
        var objectAcl = s3.getObjectAcl(r -> r.bucket("acl-bad-grants").key("a.txt")).grants();

        assertThat(assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants").grantRead("everyone")),
                "InvalidArgument", 400).awsErrorDetails().errorMessage()).isEqualTo("Argument format not recognized");
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants").grantRead("id=\"\"")),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants").grantRead("name=\"" + owner + "\"")),
                "InvalidArgument", 400);
        assertThat(assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants")
                .grantRead("id=\"999999999999\"")), "InvalidArgument", 400).awsErrorDetails().errorMessage())
                .isEqualTo("Invalid id");
        assertAwsError(() -> s3.putObjectAcl(r -> r.bucket("acl-bad-grants").key("a.txt")
                .grantRead("id=\"" + owner + "\", id=\"999999999999\"")), "InvalidArgument", 400);
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants")
                .grantRead("uri=\"http://acs.amazonaws.com/groups/global/Everybody\"")), "InvalidArgument", 400);
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants")
                .grantRead("emailAddress=\"someone@example.com\"")), "UnresolvableGrantByEmailAddress", 400);
        assertThat(assertAwsError(() -> s3.putObjectAcl(r -> r.bucket("acl-bad-grants").key("a.txt")
                .acl(ObjectCannedACL.PRIVATE).grantRead("id=\"" + owner + "\"")), "InvalidRequest", 400)
                .awsErrorDetails().errorMessage()).isEqualTo("Specifying both Canned ACLs and Header Grants is not allowed");
        // Block Public Access (all on for a new bucket) refuses a grant to everyone
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants").grantRead("uri=\"" + ALL_USERS + "\"")),
                "AccessDenied", 403);
        assertAwsError(() -> s3.putObjectAcl(r -> r.bucket("acl-bad-grants").key("a.txt")
                .grantRead("uri=\"http://acs.amazonaws.com/groups/global/AuthenticatedUsers\"")), "AccessDenied", 403);

        // bodies: an e-mail grantee, an unknown permission, no owner, a headers-and-body mix
        assertAwsError(() -> s3.putObjectAcl(r -> r.bucket("acl-bad-grants").key("a.txt").accessControlPolicy(
                AccessControlPolicy.builder().owner(o -> o.id(owner)).grants(grant(Grantee.builder()
                        .type(Type.AMAZON_CUSTOMER_BY_EMAIL).emailAddress("someone@example.com").build(),
                        Permission.READ)).build())), "UnresolvableGrantByEmailAddress", 400);
        assertAwsError(() -> s3.putObjectAcl(r -> r.bucket("acl-bad-grants").key("a.txt").accessControlPolicy(
                AccessControlPolicy.builder().owner(o -> o.id(owner)).grants(grant(Grantee.builder()
                        .type(Type.CANONICAL_USER).id(owner).build(), "EVERYTHING")).build())),
                "MalformedACLError", 400);
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants").accessControlPolicy(
                AccessControlPolicy.builder().grants(grant(Grantee.builder().type(Type.CANONICAL_USER).id(owner)
                        .build(), Permission.FULL_CONTROL)).build())), "MalformedACLError", 400);
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants").accessControlPolicy(
                AccessControlPolicy.builder().owner(o -> o.id(owner)).grants(grant(Grantee.builder()
                        .type(Type.CANONICAL_USER).id("999999999999").build(), Permission.READ)).build())),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants").grantRead("id=\"" + owner + "\"")
                .accessControlPolicy(AccessControlPolicy.builder().owner(o -> o.id(owner)).build())),
                "UnexpectedContent", 400);
        // an Owner other than the resource's: an ACL never gives a bucket or an object away
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-bad-grants").accessControlPolicy(
                AccessControlPolicy.builder().owner(o -> o.id("111122223333")).grants(grant(Grantee.builder()
                        .type(Type.CANONICAL_USER).id(owner).build(), Permission.FULL_CONTROL)).build())),
                "AccessDenied", 403);
        assertAwsError(() -> s3.putObjectAcl(r -> r.bucket("acl-bad-grants").key("a.txt").accessControlPolicy(
                AccessControlPolicy.builder().owner(o -> o.id("111122223333")).grants(grant(Grantee.builder()
                        .type(Type.CANONICAL_USER).id(owner).build(), Permission.FULL_CONTROL)).build())),
                "AccessDenied", 403);

        // writes that carry a bad grant write nothing
        assertAwsError(() -> s3.putObject(r -> r.bucket("acl-bad-grants").key("b.txt")
                .grantRead("id=\"999999999999\""), RequestBody.fromString("b")), "InvalidArgument", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket("acl-bad-grants").key("b.txt")
                .acl(ObjectCannedACL.PRIVATE).grantFullControl("id=\"" + owner + "\""), RequestBody.fromString("b")),
                "InvalidRequest", 400);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("acl-bad-grants").sourceKey("a.txt")
                .destinationBucket("acl-bad-grants").destinationKey("b.txt").grantRead("uri=\"" + ALL_USERS + "\"")),
                "AccessDenied", 403);
        assertAwsError(() -> s3.createMultipartUpload(r -> r.bucket("acl-bad-grants").key("b.txt")
                .grantRead("emailAddress=someone@example.com")), "UnresolvableGrantByEmailAddress", 400);
        assertAwsError(() -> s3.headObject(r -> r.bucket("acl-bad-grants").key("b.txt")), "NoSuchKey", 404);
        assertThat(s3.listMultipartUploads(r -> r.bucket("acl-bad-grants")).uploads()).isEmpty();
        assertAwsError(() -> s3.createBucket(r -> r.bucket("acl-bad-grants-new")
                .objectOwnership(ObjectOwnership.OBJECT_WRITER).grantRead("id=\"999999999999\"")),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.headBucket(r -> r.bucket("acl-bad-grants-new")), "NoSuchBucket", 404);

        assertThat(s3.getBucketAcl(r -> r.bucket("acl-bad-grants")).grants()).isEqualTo(bucketAcl);
        assertThat(s3.getObjectAcl(r -> r.bucket("acl-bad-grants").key("a.txt")).grants()).isEqualTo(objectAcl);
    }

    @Test
    void whereAclsAreDisabledOnlyTheBucketOwnersFullControlMayBeGranted(S3Client s3, StrongroomTestServer server) {
        AwsClients partner = MemberAccounts.administrator(server, "acl-enforced-partner");
        String partnerId = partner.sts().getCallerIdentity().account();
        String owner = s3.listBuckets().owner().id();
        assertAwsError(() -> s3.createBucket(r -> r.bucket("acl-enforced-grants").grantRead("id=\"" + partnerId + "\"")),
                "InvalidBucketAclWithObjectOwnership", 400);
        s3.createBucket(r -> r.bucket("acl-enforced-grants").grantFullControl("id=\"" + owner + "\""));
        assertAwsError(() -> s3.putBucketAcl(r -> r.bucket("acl-enforced-grants").grantRead("id=\"" + partnerId + "\"")),
                "AccessControlListNotSupported", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket("acl-enforced-grants").key("a.txt")
                .grantRead("id=\"" + partnerId + "\""), RequestBody.fromString("a")), "AccessControlListNotSupported", 400);
        assertAwsError(() -> s3.headObject(r -> r.bucket("acl-enforced-grants").key("a.txt")), "NoSuchKey", 404);
        // the bucket owner's full control, in any form, is what the bucket has anyway
        s3.putObject(r -> r.bucket("acl-enforced-grants").key("a.txt").grantFullControl("id=\"" + owner + "\""),
                RequestBody.fromString("a"));
        s3.putBucketAcl(r -> r.bucket("acl-enforced-grants").accessControlPolicy(AccessControlPolicy.builder()
                .owner(o -> o.id(owner)).grants(grant(Grantee.builder().type(Type.CANONICAL_USER).id(owner).build(),
                        Permission.FULL_CONTROL)).build()));
        assertThat(s3.getBucketAcl(r -> r.bucket("acl-enforced-grants")).grants()).singleElement()
                .satisfies(g -> assertThat(g.grantee().id()).isEqualTo(owner));
        assertAwsError(() -> partner.s3().listObjectsV2(r -> r.bucket("acl-enforced-grants")), "AccessDenied", 403);
    }

    @Test
    void multipartUploadsKeepTheirAclUntilTheObjectIsComplete(S3Client s3, StrongroomTestServer server) {
        AwsClients partner = MemberAccounts.administrator(server, "acl-multipart-partner");
        String partnerId = partner.sts().getCallerIdentity().account();
        s3.createBucket(r -> r.bucket("acl-multipart").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));

        String granted = upload(s3, "acl-multipart", "granted.bin",
                s3.createMultipartUpload(r -> r.bucket("acl-multipart").key("granted.bin")
                        .grantRead("id=\"" + partnerId + "\"")).uploadId());
        assertThat(partner.s3().getObjectAsBytes(r -> r.bucket("acl-multipart").key("granted.bin")).asUtf8String())
                .isEqualTo(granted);
        assertThat(s3.getObjectAcl(r -> r.bucket("acl-multipart").key("granted.bin")).grants())
                .extracting(g -> g.grantee().id(), Grant::permission).containsExactly(tuple(partnerId, Permission.READ));

        // a canned ACL too, once Block Public Access lets a public one through
        s3.putPublicAccessBlock(r -> r.bucket("acl-multipart").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(true).restrictPublicBuckets(true)));
        try (S3ControlClient control = MemberAccounts.s3Control(server)) {
            String account = s3.listBuckets().owner().id();
            control.putPublicAccessBlock(r -> r.accountId(account).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(true).restrictPublicBuckets(true)));
            try {
                String body = upload(s3, "acl-multipart", "public.bin", s3.createMultipartUpload(r -> r
                        .bucket("acl-multipart").key("public.bin").acl(ObjectCannedACL.PUBLIC_READ)).uploadId());
                assertThat(partner.s3().getObjectAsBytes(r -> r.bucket("acl-multipart").key("public.bin"))
                        .asUtf8String()).isEqualTo(body);
                assertThat(s3.getObjectAcl(r -> r.bucket("acl-multipart").key("public.bin")).grants())
                        .extracting(g -> g.grantee().uri(), Grant::permission)
                        .containsExactly(tuple(null, Permission.FULL_CONTROL), tuple(ALL_USERS, Permission.READ));
            } finally {
                control.deletePublicAccessBlock(r -> r.accountId(account));
            }
        }
    }

    @Test
    void underObjectWriterTheWritersAccountOwnsTheObjectAndTheBucketOwnerNeedsAGrant(S3Client s3,
                                                                                   StrongroomTestServer server) {
        AwsClients writer = MemberAccounts.administrator(server, "acl-object-writer");
        String writerId = writer.sts().getCallerIdentity().account();
        String owner = s3.listBuckets().owner().id();
        s3.createBucket(r -> r.bucket("acl-writer").objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .grantFullControl("id=\"" + owner + "\"").grantWrite("id=\"" + writerId + "\""));

        writer.s3().putObject(r -> r.bucket("acl-writer").key("theirs.txt"), RequestBody.fromString("theirs"));
        var acl = writer.s3().getObjectAcl(r -> r.bucket("acl-writer").key("theirs.txt"));
        assertThat(acl.owner().id()).isEqualTo(writerId);
        assertThat(acl.grants()).extracting(g -> g.grantee().id(), Grant::permission)
                .containsExactly(tuple(writerId, Permission.FULL_CONTROL));
        assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket("acl-writer").key("theirs.txt")), "AccessDenied", 403);
        assertAwsError(() -> s3.getObjectAcl(r -> r.bucket("acl-writer").key("theirs.txt")), "AccessDenied", 403);
        // the bucket owner still lists it and can delete it; listings name the writer as its owner
        assertThat(s3.listObjectsV2(r -> r.bucket("acl-writer")).contents()).singleElement()
                .satisfies(o -> assertThat(o.owner()).as("no owner unless fetch-owner=true").isNull());
        assertThat(s3.listObjectsV2(r -> r.bucket("acl-writer").fetchOwner(true)).contents())
                .extracting(o -> o.owner().id()).containsExactly(writerId);
        assertThat(s3.listObjects(r -> r.bucket("acl-writer")).contents())
                .extracting(o -> o.owner().id()).containsExactly(writerId);
        assertThat(s3.listObjectVersions(r -> r.bucket("acl-writer")).versions())
                .extracting(v -> v.owner().id()).containsExactly(writerId);

        writer.s3().putObjectAcl(r -> r.bucket("acl-writer").key("theirs.txt").acl(ObjectCannedACL.BUCKET_OWNER_READ));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("acl-writer").key("theirs.txt")).asUtf8String()).isEqualTo("theirs");
        assertThat(writer.s3().getObjectAcl(r -> r.bucket("acl-writer").key("theirs.txt")).grants())
                .extracting(g -> g.grantee().id(), Grant::permission)
                .containsExactly(tuple(writerId, Permission.FULL_CONTROL), tuple(owner, Permission.READ));

        // BucketOwnerPreferred: bucket-owner-full-control hands the object to the bucket's owner
        s3.putBucketOwnershipControls(r -> r.bucket("acl-writer").ownershipControls(c -> c.rules(rule -> rule
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED))));
        writer.s3().putObject(r -> r.bucket("acl-writer").key("given.txt").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("given"));
        assertThat(s3.getObjectAcl(r -> r.bucket("acl-writer").key("given.txt")).owner().id()).isEqualTo(owner);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("acl-writer").key("given.txt")).asUtf8String()).isEqualTo("given");
        writer.s3().putObject(r -> r.bucket("acl-writer").key("kept.txt"), RequestBody.fromString("kept"));
        assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket("acl-writer").key("kept.txt")), "AccessDenied", 403);
        assertThat(s3.listObjectsV2(r -> r.bucket("acl-writer").fetchOwner(true)).contents())
                .extracting(o -> o.key(), o -> o.owner().id())
                .containsExactly(tuple("given.txt", owner), tuple("kept.txt", writerId), tuple("theirs.txt", writerId));

        s3.deleteObject(r -> r.bucket("acl-writer").key("theirs.txt"));
        assertAwsError(() -> s3.headObject(r -> r.bucket("acl-writer").key("theirs.txt")), "NoSuchKey", 404);
    }

    private static String upload(S3Client s3, String bucket, String key, String uploadId) {
        String body = "part one of " + key;
        String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString(body)).eTag();
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        return body;
    }

    private static Grant grant(Grantee grantee, Permission permission) {
        return Grant.builder().grantee(grantee).permission(permission).build();
    }

    private static Grant grant(Grantee grantee, String permission) {
        return Grant.builder().grantee(grantee).permission(permission).build();
    }
}
