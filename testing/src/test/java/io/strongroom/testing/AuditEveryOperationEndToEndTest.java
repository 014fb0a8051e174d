package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.audit.JdbcAuditRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Every operation of every service model the server answers (IAM, STS, Organizations, CloudTrail, KMS:
 * the operations botocore knows, implemented or not), called once with no parameters by the
 * administrator: each call leaves exactly one record, carrying the caller, the operation (or
 * {@code Unknown} for one the server does not offer) and the error code the client received.
 */
@ExtendWith(StrongroomExtension.class)
class AuditEveryOperationEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A service as the wire sees it: its botocore name and version, signing name and protocol marker. */
    private record Service(String model, String apiVersion, String signingName, String jsonTargetPrefix) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("iam", "2010-05-08", "iam", null),
            new Service("sts", "2011-06-15", "sts", null),
            new Service("organizations", "2016-11-28", "organizations", "AWSOrganizationsV20161128"),
            new Service("cloudtrail", "2013-11-01", "cloudtrail",
                    "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101"),
            new Service("kms", "2014-11-01", "kms", "TrentService"));

    @Test
    void everyOperationLeavesExactlyOneRecordWithTheCodeTheClientSaw(StrongroomTestServer server) throws Exception {
        QueryHttp http = new QueryHttp(server.endpoint());
        AwsBasicCredentials admin = AwsBasicCredentials.create(server.admin().accessKeyId(),
                server.admin().secretAccessKey());
        String adminArn = server.sts().getCallerIdentity().arn();
        SoftAssertions softly = new SoftAssertions();
        int calls = 0;
        try (Database store = Database.openExisting(server.server().config().dbUrl())) {
            JdbcAuditRepository records = new JdbcAuditRepository(store.transactor(), store.vendor());
            for (Service service : SERVICES) {
                List<String> operations = operationsOf(service.model());
                assumeTrue(!operations.isEmpty(), "python3 with botocore is needed to list " + service.model());
                for (String operation : operations) {
                    long before = records.chainHead().sequence();
                    QueryHttp.Answer answer = call(http, admin, service, operation);
                    calls++;
                    List<StoredAuditRecord> left = records.readRange(before + 1, Long.MAX_VALUE, 5);
                    String what = service.model() + ":" + operation;
                    softly.assertThat(left).as(what + " records").hasSize(1);
                    if (left.size() != 1) {
                        continue;
                    }
                    JsonNode record = JSON.readTree(left.getFirst().eventJson());
                    softly.assertThat(record.path("requestID").asText()).as(what)
                            .isEqualTo(answer.requestIdHeader().orElse(""));
                    softly.assertThat(record.path("eventSource").asText()).as(what)
                            .isEqualTo(service.signingName() + ".amazonaws.com");
                    softly.assertThat(record.path("eventName").asText()).as(what).isIn(operation, "Unknown");
                    softly.assertThat(record.path("userIdentity").path("arn").asText()).as(what).isEqualTo(adminArn);
                    String clientCode = answer.status() == 200 ? null : errorCode(service, answer);
                    softly.assertThat(record.path("errorCode").isMissingNode() ? null : record.path("errorCode").asText())
                            .as(what + " errorCode").isEqualTo(clientCode);
                }
            }
        }
        assertThat(calls).as("operations called").isGreaterThan(200);
        softly.assertAll();
    }

    private static QueryHttp.Answer call(QueryHttp http, AwsBasicCredentials admin, Service service, String operation)
            throws Exception {
        if (service.jsonTargetPrefix() == null) {
            String body = "Action=" + operation + "&Version=" + service.apiVersion();
            return http.send(http.sign(http.post(Map.of()).build(), body, admin, service.signingName(),
                    Clock.systemUTC()), body);
        }
        String body = "{}";
        SdkHttpRequest request = http.post(Map.of()).build().toBuilder()
                .method(SdkHttpMethod.POST)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", service.jsonTargetPrefix() + "." + operation)
                .build();
        return http.send(http.sign(request, body, admin, service.signingName(), Clock.systemUTC()), body);
    }

    /** The code in a Query error's XML or a JSON error's {@code __type}. */
    private static String errorCode(Service service, QueryHttp.Answer answer) throws IOException {
        if (service.jsonTargetPrefix() == null) {
            return answer.errorCode();
        }
        String type = JSON.readTree(answer.body()).path("__type").asText();
        return type.substring(type.indexOf('#') + 1);
    }

    /** The operation names of a botocore service model; empty when python3 with botocore is missing. */
    private static List<String> operationsOf(String model) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c",
                    "import botocore.session as s; print('\\n'.join(s.get_session().get_service_model('"
                            + model + "').operation_names))").redirectErrorStream(false).start();
        } catch (IOException e) {
            return List.of();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        out.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(names::add);
        return names;
    }
}
