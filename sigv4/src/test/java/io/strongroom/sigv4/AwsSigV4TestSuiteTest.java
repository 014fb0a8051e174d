package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the public aws-sig-v4-test-suite found under the directory named by
 * {@code STRONGROOM_TEST_SIGV4_SUITE} (folders holding {@code <name>.req}, {@code <name>.sreq} and
 * {@code <name>.creq}). The suite is not part of this repository; without the variable the test is skipped.
 */
class AwsSigV4TestSuiteTest {
    private static final String ENV = "STRONGROOM_TEST_SIGV4_SUITE";
    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Clock SUITE_TIME = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> everySuiteCaseVerifies() throws IOException {
        String location = System.getenv(ENV);
        if (location == null || location.isBlank()) {
            System.out.println("NOTICE: " + ENV + " is not set; skipping the aws-sig-v4-test-suite run.");
        }
        Assumptions.assumeTrue(location != null && !location.isBlank(), ENV + " is not set");
        Path root = Path.of(location);
        List<Path> signedRequests;
        try (Stream<Path> files = Files.walk(root)) {
            signedRequests = files.filter(p -> p.getFileName().toString().endsWith(".sreq")).sorted().toList();
        }
        assertThat(signedRequests).as("suite cases under " + root).isNotEmpty();
        SigV4Verifier verifier = new SigV4Verifier(
                id -> id.equals(ACCESS_KEY_ID) ? Optional.of(SigningSecret.of(SECRET)) : Optional.empty(), SUITE_TIME);
        return signedRequests.stream().map(sreq -> DynamicTest.dynamicTest(root.relativize(sreq.getParent()).toString(),
                () -> verifyCase(verifier, sreq)));
    }

    private static void verifyCase(SigV4Verifier verifier, Path sreq) throws IOException {
        SignedRequest request = withExpectedAuthorization(
                parseHttpRequest(Files.readString(sreq, StandardCharsets.UTF_8)), sreq);

        VerifiedSignature verified = verifier.verify(request);

        assertThat(verified.accessKeyId()).isEqualTo(ACCESS_KEY_ID);
        assertThat(verified.service()).isEqualTo("service");
        assertThat(verified.region()).isEqualTo("us-east-1");
        Path creq = sreq.resolveSibling(sreq.getFileName().toString().replace(".sreq", ".creq"));
        if (Files.exists(creq)) {
            QueryParameters query = QueryParameters.parse(request.rawQuery());
            ParsedSignature parsed = SignatureLocator.locate(request, query);
            String payloadHash = PayloadHash.canonicalValue(request, parsed);
            assertThat(CanonicalRequest.of(request, query, parsed, payloadHash).text())
                    .isEqualTo(Files.readString(creq, StandardCharsets.UTF_8));
        }
    }

    /**
     * The {@code .authz} file is the suite's expected Authorization value; it wins over the copy inside
     * {@code .sreq} (get-vanilla-with-session-token ships an {@code .sreq} whose signature is not the
     * one its {@code .authz}, {@code .creq} and {@code .sts} describe).
     */
    private static SignedRequest withExpectedAuthorization(SignedRequest request, Path sreq) throws IOException {
        Path authz = sreq.resolveSibling(sreq.getFileName().toString().replace(".sreq", ".authz"));
        if (!Files.exists(authz)) {
            return request;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("Authorization", List.of(Files.readString(authz, StandardCharsets.UTF_8).strip()));
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    /**
     * Reads the suite's raw HTTP text. A header line starting with whitespace continues the previous
     * header's value (obs-fold, which HTTP replaces by a space).
     */
    static SignedRequest parseHttpRequest(String text) {
        String[] lines = text.split("\n", -1);
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/"));
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String last = null;
        int i = 1;
        for (; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                List<String> values = headers.get(last);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            last = line.substring(0, colon);
            headers.computeIfAbsent(last, k -> new ArrayList<>()).add(line.substring(colon + 1));
        }
        String body = i < lines.length ? String.join("\n", List.of(lines).subList(i + 1, lines.length)) : "";
        return new SignedRequest(method, path, query, headers, Optional.of(body.getBytes(StandardCharsets.UTF_8)));
    }
}
