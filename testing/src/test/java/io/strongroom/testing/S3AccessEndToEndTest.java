package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockResponse;



/**
 * Who may reach a bucket, as S3 decides it: bucket policies (an explicit deny binds even the
 * administrator, a grant opens the bucket to another account), and Block Public Access on the bucket
 * and, through S3 Control, on the account.
 */
@ExtendWith(StrongroomExtension.class)
class S3AccessEndToEndTest {
    private static final PublicAccessBlockConfiguration ALL_OFF = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(false).restrictPublicBuckets(false)
            .build();

    private static TestUsers users;
    private static String account;

    @BeforeAll
    static void users(StrongroomTestServer server) {
        users = new TestUsers(server);
        account = users.accountId();
    }

    @Test
    void anExplicitDenyInTheBucketPolicyBlocksTheAdministrator(S3Client s3) {
        s3.createBucket(r -> r.bucket("policy-deny"));
        s3.putObject(r -> r.bucket("policy-deny").key("payroll.csv"), RequestBody.fromString("salaries"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoReads\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"AWS\":\"" + users.userArn("admin") + "\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::policy-deny/*\"}]}";
        s3.putBucketPolicy(r -> r.bucket("policy-deny").policy(policy));
        assertThat(s3.getBucketPolicy(r -> r.bucket("policy-deny")).policy()).isEqualTo(policy);

        assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket("policy-deny").key("payroll.csv")), "AccessDenied", 403);
        s3.putObject(r -> r.bucket("policy-deny").key("more.csv"), RequestBody.fromString("writes still allowed"));

        s3.deleteBucketPolicy(r -> r.bucket("policy-deny"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("policy-deny").key("payroll.csv")).asUtf8String())
                .isEqualTo("salaries");
        assertAwsError(() -> s3.getBucketPolicy(r -> r.bucket("policy-deny")), "NoSuchBucketPolicy", 404);
    }

    @Test
    void aBucketPolicyGrantLetsAnotherAccountRead(S3Client s3, StrongroomTestServer server) {
        S3Client memberS3 = MemberAccounts.administrator(server, "s3-reader").s3();
        String member = memberS3.listBuckets().owner().id();
        s3.createBucket(r -> r.bucket("policy-shared"));
        s3.putObject(r -> r.bucket("policy-shared").key("dataset.csv"), RequestBody.fromString("shared rows"));
        assertAwsError(() -> memberS3.getObjectAsBytes(r -> r.bucket("policy-shared").key("dataset.csv")),
                "AccessDenied", 403);

        s3.putBucketPolicy(r -> r.bucket("policy-shared").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + member + ":root\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::policy-shared/*\"}]}"));
        assertThat(s3.getBucketPolicyStatus(r -> r.bucket("policy-shared")).policyStatus().isPublic()).isFalse();

        assertThat(memberS3.getObjectAsBytes(r -> r.bucket("policy-shared").key("dataset.csv")).asUtf8String())
                .isEqualTo("shared rows");
        assertAwsError(() -> memberS3.putObject(r -> r.bucket("policy-shared").key("x"), RequestBody.fromString("x")),
                "AccessDenied", 403);
        assertAwsError(() -> memberS3.deleteBucketPolicy(r -> r.bucket("policy-shared")), "AccessDenied", 403);
    }

    @Test
    void aPublicPolicyIsRefusedUntilBlockPublicAccessIsTurnedOffAtBothLevels(S3Client s3, StrongroomTestServer server) {
        S3Client outsider = MemberAccounts.administrator(server, "s3-outsider").s3();
        s3.createBucket(r -> r.bucket("policy-public"));
        s3.putObject(r -> r.bucket("policy-public").key("page.html"), RequestBody.fromString("<p>hello</p>"));
        String everyone = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::policy-public/*\"}]}";
        var refused = assertAwsError(() -> s3.putBucketPolicy(r -> r.bucket("policy-public").policy(everyone)),
                "AccessDenied", 403);
        assertThat(refused.awsErrorDetails().errorMessage()).contains("BlockPublicPolicy");
        assertAwsError(() -> s3.getBucketPolicy(r -> r.bucket("policy-public")), "NoSuchBucketPolicy", 404);

        s3.putPublicAccessBlock(r -> r.bucket("policy-public").publicAccessBlockConfiguration(ALL_OFF));
        // the account's settings (all on by default) still bind
        assertAwsError(() -> s3.putBucketPolicy(r -> r.bucket("policy-public").policy(everyone)), "AccessDenied", 403);

        try (S3ControlClient control = MemberAccounts.s3Control(server)) {
            GetPublicAccessBlockResponse initial = control.getPublicAccessBlock(r -> r.accountId(account));
            assertThat(initial.publicAccessBlockConfiguration().blockPublicPolicy()).isTrue();
            assertThat(initial.publicAccessBlockConfiguration().restrictPublicBuckets()).isTrue();

            control.putPublicAccessBlock(r -> r.accountId(account).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(true)));
            var stored = control.getPublicAccessBlock(r -> r.accountId(account)).publicAccessBlockConfiguration();
            assertThat(stored.blockPublicAcls()).isTrue();
            assertThat(stored.blockPublicPolicy()).isFalse();
            assertThat(stored.restrictPublicBuckets()).isTrue();

            s3.putBucketPolicy(r -> r.bucket("policy-public").policy(everyone));
            assertThat(s3.getBucketPolicyStatus(r -> r.bucket("policy-public")).policyStatus().isPublic()).isTrue();
            assertThat(s3.getBucketPolicy(r -> r.bucket("policy-public")).policy()).isEqualTo(everyone);
            // RestrictPublicBuckets (still on for the account) keeps the public policy from granting other accounts
            assertAwsError(() -> outsider.getObjectAsBytes(r -> r.bucket("policy-public").key("page.html")),
                    "AccessDenied", 403);
            control.putPublicAccessBlock(r -> r.accountId(account).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(false).ignorePublicAcls(false).blockPublicPolicy(false)
                    .restrictPublicBuckets(false)));
            assertThat(outsider.getObjectAsBytes(r -> r.bucket("policy-public").key("page.html")).asUtf8String())
                    .isEqualTo("<p>hello</p>");

            assertAwsError(() -> control.getPublicAccessBlock(r -> r.accountId("999999999999")), "AccessDenied", 403);

            control.deletePublicAccessBlock(r -> r.accountId(account));
            var reverted = control.getPublicAccessBlock(r -> r.accountId(account)).publicAccessBlockConfiguration();
            assertThat(reverted.blockPublicPolicy()).isTrue();
            assertThat(reverted.blockPublicAcls()).isTrue();
            assertAwsError(() -> outsider.getObjectAsBytes(r -> r.bucket("policy-public").key("page.html")),
                    "AccessDenied", 403);
        }
    }

    @Test
    void theBucketsPublicAccessBlockIsAllOnUntilChangedAndAgainOnceDeleted(S3Client s3) {
        s3.createBucket(r -> r.bucket("policy-bpa"));
        PublicAccessBlockConfiguration initial = s3.getPublicAccessBlock(r -> r.bucket("policy-bpa"))
                .publicAccessBlockConfiguration();
        assertThat(initial).isEqualTo(PublicAccessBlockConfiguration.builder().blockPublicAcls(true)
                .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true).build());

        PublicAccessBlockConfiguration partial = PublicAccessBlockConfiguration.builder().blockPublicAcls(true)
                .ignorePublicAcls(false).blockPublicPolicy(false).restrictPublicBuckets(true).build();
        s3.putPublicAccessBlock(r -> r.bucket("policy-bpa").publicAccessBlockConfiguration(partial));
        assertThat(s3.getPublicAccessBlock(r -> r.bucket("policy-bpa")).publicAccessBlockConfiguration())
                .isEqualTo(partial);

        s3.deletePublicAccessBlock(r -> r.bucket("policy-bpa"));
        assertThat(s3.getPublicAccessBlock(r -> r.bucket("policy-bpa")).publicAccessBlockConfiguration())
                .isEqualTo(initial);
        assertAwsError(() -> s3.getPublicAccessBlock(r -> r.bucket("policy-no-such-bucket")), "NoSuchBucket", 404);
    }

    @Test
    void aMalformedPolicyIsRefusedAndAMissingOneIsNoSuchBucketPolicy(S3Client s3) {
        s3.createBucket(r -> r.bucket("policy-bad"));
        assertAwsError(() -> s3.getBucketPolicy(r -> r.bucket("policy-bad")), "NoSuchBucketPolicy", 404);
        assertAwsError(() -> s3.getBucketPolicyStatus(r -> r.bucket("policy-bad")), "NoSuchBucketPolicy", 404);
        assertAwsError(() -> s3.putBucketPolicy(r -> r.bucket("policy-bad").policy("not json")), "MalformedPolicy",
                400);
        assertAwsError(() -> s3.putBucketPolicy(r -> r.bucket("policy-bad").policy("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")),
                "MalformedPolicy", 400);
        var otherBucket = assertAwsError(() -> s3.putBucketPolicy(r -> r.bucket("policy-bad").policy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::someone-elses/*\"}]}")),
                "MalformedPolicy", 400);
        assertThat(otherBucket.awsErrorDetails().errorMessage()).isEqualTo("Policy has invalid resource");
        assertAwsError(() -> s3.getBucketPolicy(r -> r.bucket("policy-bad")), "NoSuchBucketPolicy", 404);
    }

    @Test
    void policyChangesAreRecordedAsManagementEvents(S3Client s3, CloudTrailClient cloudTrail) throws Exception {
        s3.createBucket(r -> r.bucket("policy-audited"));
        s3.putBucketPolicy(r -> r.bucket("policy-audited").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteBucket\","
                + "\"Resource\":\"arn:aws:s3:::policy-audited\"}]}"));
        s3.getBucketPolicy(r -> r.bucket("policy-audited"));

        JsonNode put = newest(cloudTrail, "PutBucketPolicy");
        assertThat(put.path("eventSource").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(put.path("readOnly").asBoolean()).isFalse();
        assertThat(put.path("managementEvent").asBoolean()).isTrue();
        assertThat(put.path("requestParameters").path("bucketName").asText()).isEqualTo("policy-audited");
        JsonNode get = newest(cloudTrail, "GetBucketPolicy");
        assertThat(get.path("readOnly").asBoolean()).isTrue();
        assertThat(get.path("managementEvent").asBoolean()).isTrue();
    }

    private static JsonNode newest(CloudTrailClient cloudTrail, String eventName) throws Exception {
        List<Event> events = cloudTrail.lookupEvents(r -> r.lookupAttributes(a -> a
                .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(eventName))).events();
        assertThat(events).isNotEmpty();
        return new ObjectMapper().readTree(events.getFirst().cloudTrailEvent());
    }


}
