package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Known secrets go in through the API; after a clean stop no file of the data directory, and no log line, holds them. */
@ExtendWith(StrongroomExtension.class)
class SecretsAtRestEndToEndTest {

    @Test
    void noSecretIsWrittenToTheDataDirectoryOrTheLog(StrongroomTestServer server) throws Exception {
        String marker = "strongroom-marker-" + UUID.randomUUID();
        Map<String, String> secrets;
        String logText;
        try (LogCapture log = new LogCapture()) {
            var iam = server.iam();
            String account = server.sts().getCallerIdentity().account();
            iam.createUser(r -> r.userName("keeper"));
            AccessKey key = iam.createAccessKey(r -> r.userName("keeper")).accessKey();
            iam.putUserPolicy(r -> r.userName("keeper").policyName("marked")
                    .policyDocument(Policies.allow("iam:GetUser", "arn:aws:iam::*:user/" + marker)));
            iam.createRole(r -> r.roleName("vault").assumeRolePolicyDocument(Policies.trustAccount(account)));
            iam.putRolePolicy(r -> r.roleName("vault").policyName("p").policyDocument(Policies.allow("iam:GetUser", "*")));
            Credentials session = server.sts().assumeRole(r -> r.roleArn(
                    "arn:aws:iam::" + account + ":role/vault").roleSessionName("scan")).credentials();

            // use both credentials so that the caches, usage records and request logs all see them
            server.clientsFor(key.accessKeyId(), key.secretAccessKey()).sts().getCallerIdentity();
            server.clientsFor(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())
                    .sts().getCallerIdentity();

            secrets = Map.of(
                    "the user's secret access key", key.secretAccessKey(),
                    "the session's secret access key", session.secretAccessKey(),
                    "the session token", session.sessionToken(),
                    "the administrator's secret access key", server.admin().secretAccessKey());
            server.server().close(); // a clean stop: the store closes, WAL checkpointed or not
            logText = log.text();
        }

        Path dataDir = server.dataDir();
        List<Path> files = DataDirectoryScan.files(dataDir);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("strongroom.db");
        assertThat(DataDirectoryScan.filesContaining(dataDir, marker))
                .as("the scan reads the files where policies live").isNotEmpty();
        secrets.forEach((what, secret) -> {
            try {
                assertThat(DataDirectoryScan.filesContaining(dataDir, secret)).as(what + " at rest").isEmpty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertThat(logText).as("the captured log").contains("request");
        byte[] logBytes = logText.getBytes(StandardCharsets.UTF_8);
        secrets.forEach((what, secret) ->
                assertThat(DataDirectoryScan.contains(logBytes, secret)).as(what + " in the log: " + lineWith(logText, secret)).isFalse());
    }

    private static String lineWith(String text, String secret) {
        return text.lines().filter(l -> l.contains(secret)).findFirst().orElse("(encoded)");
    }

    @Test
    void theScanFindsEncodedForms() {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        for (String prefix : List.of("", "a", "ab")) {
            byte[] base64 = java.util.Base64.getEncoder()
                    .encode((prefix + secret + "tail").getBytes(StandardCharsets.UTF_8));
            assertThat(DataDirectoryScan.contains(base64, secret)).as("base64 after %s", prefix).isTrue();
        }
        byte[] hex = java.util.HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(DataDirectoryScan.contains(hex, secret)).isTrue();
        assertThat(DataDirectoryScan.contains("nothing here".getBytes(StandardCharsets.UTF_8), secret)).isFalse();
    }
}
