package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Hand-made requests, each wrong in exactly one way (the rest is signed by the SDK's SigV4 signer):
 * the exact AWS code and status in the XML body, a request id header, never a 500, and no write.
 */
@ExtendWith(StrongroomExtension.class)
class BadInputEndToEndTest {

    private static final String IAM = "iam";
    private static final String STS = "sts";
    private static final String CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";

    private static QueryHttp http;
    private static AwsCredentialsIdentity admin;

    @BeforeAll
    static void client(StrongroomTestServer server) {
        http = new QueryHttp(server.endpoint());
        admin = AwsCredentialsIdentity.create(server.admin().accessKeyId(), server.admin().secretAccessKey());
    }

    @Test
    void aCorrectlySignedRawRequestSucceeds(IamClient iam) throws Exception {
        QueryHttp.Answer answer = http.signedPost(createUser("raw-ok"), admin, IAM);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.element("UserName")).isEqualTo("raw-ok");
        assertThat(answer.requestIdHeader()).isPresent();
        assertThat(iam.getUser(r -> r.userName("raw-ok")).user().userName()).isEqualTo("raw-ok");
    }

    @Test
    void missingAuthorization(IamClient iam) throws Exception {
        String body = createUser("unsigned");
        QueryHttp.Answer answer = http.send(http.post(Map.of()).build(), body);
        assertError(answer, "MissingAuthenticationToken", 403);
        assertNotCreated(iam, "unsigned");
    }

    @Test
    void malformedAuthorization(IamClient iam) throws Exception {
        String body = createUser("malformed-auth");
        SdkHttpRequest signed = http.sign(http.post(Map.of()).build(), body, admin, IAM, Clock.systemUTC());
        String authorization = signed.firstMatchingHeader("Authorization").orElseThrow();
        SdkHttpRequest broken = signed.toBuilder()
                .putHeader("Authorization", authorization.substring(0, authorization.indexOf(", Signature="))).build();
        assertError(http.send(broken, body), "IncompleteSignature", 400);
        assertError(http.send(signed.toBuilder().putHeader("Authorization", "AWS4-HMAC-SHA256 nonsense").build(), body),
                "IncompleteSignature", 400);
        assertNotCreated(iam, "malformed-auth");
    }

    @Test
    void unknownAccessKey(IamClient iam) throws Exception {
        String body = createUser("unknown-key");
        AwsCredentialsIdentity stranger = AwsCredentialsIdentity.create("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40));
        assertError(http.signedPost(body, stranger, IAM), "InvalidClientTokenId", 403);
        assertNotCreated(iam, "unknown-key");
    }

    @Test
    void wrongSecret(IamClient iam, StrongroomTestServer server) throws Exception {
        String body = createUser("wrong-secret");
        AwsCredentialsIdentity impostor = AwsCredentialsIdentity.create(server.admin().accessKeyId(), "y".repeat(40));
        QueryHttp.Answer answer = http.signedPost(body, impostor, IAM);
        assertError(answer, "SignatureDoesNotMatch", 403);
        assertThat(answer.errorMessage()).doesNotContain(server.admin().secretAccessKey());
        assertNotCreated(iam, "wrong-secret");
    }

    @Test
    void aBodyChangedAfterSigning(IamClient iam) throws Exception {
        String signedBody = createUser("tampered-a");
        SdkHttpRequest signed = http.sign(http.post(Map.of()).build(), signedBody, admin, IAM, Clock.systemUTC());
        assertError(http.send(signed, createUser("tampered-b")), "SignatureDoesNotMatch", 403);
        assertNotCreated(iam, "tampered-a");
        assertNotCreated(iam, "tampered-b");
    }

    @Test
    void aTimestampTwentyMinutesOld(IamClient iam) throws Exception {
        String body = createUser("too-old");
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        QueryHttp.Answer answer = http.send(http.sign(http.post(Map.of()).build(), body, admin, IAM, past), body);
        assertError(answer, "SignatureDoesNotMatch", 403);
        assertThat(answer.errorMessage()).startsWith("Signature expired");
        assertNotCreated(iam, "too-old");
    }

    @Test
    void aTimestampTwentyMinutesAhead(IamClient iam) throws Exception {
        String body = createUser("too-new");
        Clock future = Clock.fixed(Instant.now().plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        QueryHttp.Answer answer = http.send(http.sign(http.post(Map.of()).build(), body, admin, IAM, future), body);
        assertError(answer, "SignatureDoesNotMatch", 403);
        assertThat(answer.errorMessage()).startsWith("Signature not yet current");
        assertNotCreated(iam, "too-new");
    }

    @Test
    void aPresignedUrlWorksUntilItExpires(IamClient iam) throws Exception {
        QueryHttp.Answer fresh = http.send(http.presign(CALLER_IDENTITY, admin, STS, Clock.systemUTC(),
                Duration.ofMinutes(5)), new byte[0]);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.element("Arn")).endsWith(":user/" + iam.getUser().user().userName());

        Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        QueryHttp.Answer expired = http.send(http.presign(CALLER_IDENTITY, admin, STS, tenMinutesAgo,
                Duration.ofMinutes(1)), new byte[0]);
        assertError(expired, "RequestExpired", 400);
    }

    @Test
    void anInactiveKey(IamClient iam) throws Exception {
        iam.createUser(r -> r.userName("sleeper"));
        iam.attachUserPolicy(r -> r.userName("sleeper").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        AccessKey key = iam.createAccessKey(r -> r.userName("sleeper")).accessKey();
        AwsCredentialsIdentity sleeper = AwsCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey());
        assertThat(http.signedPost(CALLER_IDENTITY, sleeper, STS).status()).isEqualTo(200);

        iam.updateAccessKey(r -> r.userName("sleeper").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertError(http.signedPost(createUser("by-sleeper"), sleeper, IAM), "InvalidClientTokenId", 403);
        assertNotCreated(iam, "by-sleeper");
    }

    @Test
    void anUnknownAction() throws Exception {
        QueryHttp.Answer answer = http.signedPost("Action=LaunchRockets&Version=2010-05-08", admin, IAM);
        assertError(answer, "InvalidAction", 400);
        assertThat(answer.errorMessage()).contains("LaunchRockets");
    }

    @Test
    void aWrongVersion(IamClient iam) throws Exception {
        assertError(http.signedPost("Action=CreateUser&UserName=old-version&Version=2009-01-01", admin, IAM),
                "InvalidAction", 400);
        assertNotCreated(iam, "old-version");
        assertError(http.signedPost("Action=CreateUser&UserName=no-version", admin, IAM), "MissingParameter", 400);
        assertNotCreated(iam, "no-version");
    }

    @Test
    void aMalformedFormBody(IamClient iam) throws Exception {
        assertError(http.signedPost("Action=CreateUser&UserName=bad%zzpercent&Version=2010-05-08", admin, IAM),
                "InvalidQueryParameter", 400);
        assertError(http.signedPost("Action=CreateUser&UserName=trailing%2&Version=2010-05-08", admin, IAM),
                "InvalidQueryParameter", 400);
        assertThat(iam.listUsers().users()).noneMatch(u -> u.userName().startsWith("bad") || u.userName().startsWith("trailing"));
    }

    @Test
    void aMissingRequiredParameter() throws Exception {
        QueryHttp.Answer answer = http.signedPost("Action=CreateUser&Version=2010-05-08", admin, IAM);
        assertError(answer, "ValidationError", 400);
        assertThat(answer.errorMessage()).contains("userName").contains("Member must not be null");
    }

    @Test
    void anOversizedHeaderSection() throws Exception {
        String body = CALLER_IDENTITY;
        SdkHttpRequest signed = http.sign(http.post(Map.of("x-padding", List.of("p".repeat(17 * 1024)))).build(),
                body, admin, STS, Clock.systemUTC());
        assertError(http.send(signed, body), "RequestHeaderSectionTooLarge", 400);
    }

    @Test
    void anOverLargeBody(IamClient iam) throws Exception {
        String body = createUser("huge") + "&Padding=" + "p".repeat(1024 * 1024);
        assertError(http.signedPost(body, admin, IAM), "RequestEntityTooLarge", 413);
        assertNotCreated(iam, "huge");
    }

    @Test
    void aPolicyDocumentWithBadGrammar(IamClient iam) throws Exception {
        iam.createUser(r -> r.userName("grammar"));
        String badPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":\"not-an-object\"}}]}";
        QueryHttp.Answer answer = http.signedPost("Action=PutUserPolicy&Version=2010-05-08&UserName=grammar"
                + "&PolicyName=bad&PolicyDocument=" + URLEncoder.encode(badPolicy, StandardCharsets.UTF_8), admin, IAM);
        assertError(answer, "MalformedPolicyDocument", 400);
        assertThat(iam.listUserPolicies(r -> r.userName("grammar")).policyNames()).isEmpty();
    }

    private static String createUser(String name) {
        return "Action=CreateUser&UserName=" + name + "&Version=2010-05-08";
    }

    private static void assertError(QueryHttp.Answer answer, String code, int status) {
        assertThat(answer.status()).as("status of %s", answer.body()).isNotEqualTo(500).isEqualTo(status);
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.errorMessage()).isNotBlank();
        assertThat(answer.requestIdHeader()).isPresent();
        assertThat(answer.element("RequestId")).isEqualTo(answer.requestIdHeader().orElseThrow());
    }

    private static void assertNotCreated(IamClient iam, String userName) {
        assertAwsError(() -> iam.getUser(r -> r.userName(userName)), "NoSuchEntity", 404);
    }
}
