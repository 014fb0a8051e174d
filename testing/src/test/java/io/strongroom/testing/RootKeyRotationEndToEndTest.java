package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.server.lifecycle.RootKeyRotationRunner;
import io.strongroom.server.lifecycle.ServerAssembly;
import io.strongroom.server.lifecycle.StrongroomServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code root-key rotate} against a running node: callers keep authenticating throughout, every
 * wrapped secret is re-wrapped, and the keys keep working afterwards and after a restart.
 */
@ExtendWith(StrongroomExtension.class)
class RootKeyRotationEndToEndTest {

    private static final Pattern REWRAPPED = Pattern.compile("(\\d+) secrets re-wrapped, (\\d+) already current");

    @Test
    void rotationOfARunningNodesStoreReWrapsEverySecretAndTheKeysSurviveARestart(StrongroomTestServer node)
            throws Exception {
        var administrator = node.sts().getCallerIdentity();
        node.iam().createUser(r -> r.userName("rotated"));
        AccessKey key = node.iam().createAccessKey(r -> r.userName("rotated")).accessKey();
        RootKeyRotationRunner.Summary summary = rotate(node);
        assertThat(summary.complete()).as(summary.summary()).isTrue();
        assertThat(rewrapped(summary)).isEqualTo(3); // the administrator's key, the user's, the audit signing key
        assertThat(summary.summary()).doesNotContain(key.secretAccessKey());
        RootKeyRotationRunner.Summary retired = assembly().retire(node.server().config());
        assertThat(retired.complete()).as(retired.summary()).isTrue();
        assertThat(retired.summary()).contains("Retired root-key versions v1");

        node.server().close();
        StrongroomServer restarted = restart(node);
        try (restarted;
             AwsClients user = AwsClients.create(restarted.apiEndpoint(), key.accessKeyId(), key.secretAccessKey());
             AwsClients admin = AwsClients.create(restarted.apiEndpoint(), node.admin().accessKeyId(),
                     node.admin().secretAccessKey())) {
            assertThat(user.sts().getCallerIdentity().arn()).endsWith(":user/rotated");
            assertThat(admin.sts().getCallerIdentity().arn()).isEqualTo(administrator.arn());
        }
    }

    @Test
    void rotationUnderLoadLosesNoCallAndSurvivesARestart() throws Exception {
        // Its own node: the class's node is stopped by the other test.
        try (StrongroomTestServer server = StrongroomTestServer.start()) {
            rotateUnderLoad(server.iam(), server);
        }
    }

    private static void rotateUnderLoad(IamClient iam, StrongroomTestServer server) throws Exception {
        var administrator = server.sts().getCallerIdentity();
        String account = administrator.account();
        iam.createUser(r -> r.userName("rotating"));
        AccessKey first = iam.createAccessKey(r -> r.userName("rotating")).accessKey();
        AccessKey second = iam.createAccessKey(r -> r.userName("rotating")).accessKey();
        iam.createRole(r -> r.roleName("rotating-role").assumeRolePolicyDocument(Policies.trustAccount(account)));
        Credentials session = server.sts().assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/rotating-role")
                .roleSessionName("rotation")).credentials();
        List<AwsClients> callers = List.of(
                server.clientsFor(first.accessKeyId(), first.secretAccessKey()),
                server.clientsFor(second.accessKeyId(), second.secretAccessKey()),
                server.clientsFor(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()),
                server.adminClients());

        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = Thread.ofPlatform().name("rotation-load").start(() -> {
            while (!stop.get()) {
                for (AwsClients caller : callers) {
                    try {
                        caller.sts().getCallerIdentity();
                        calls.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }
        });
        RootKeyRotationRunner.Summary summary;
        int callsBeforeRotation;
        try {
            awaitCalls(calls, 20, failures);
            callsBeforeRotation = calls.get();
            summary = rotate(server);
            // an IAM write clears the node's credential cache, so the next calls unwrap what rotation wrote
            iam.createUser(r -> r.userName("after-rotation"));
            awaitCalls(calls, calls.get() + 40, failures);
        } finally {
            stop.set(true);
            load.join();
        }

        assertThat(failures).as("calls that failed during rotation").isEmpty();
        assertThat(calls.get()).isGreaterThan(callsBeforeRotation);
        assertThat(summary.complete()).as(summary.summary()).isTrue();
        // the administrator's key, the user's two keys, the session and the audit signing key
        assertThat(rewrapped(summary)).isEqualTo(5);
        assertThat(summary.summary()).doesNotContain(first.secretAccessKey(), session.secretAccessKey());

        for (AwsClients caller : callers) {
            assertThat(caller.sts().getCallerIdentity().account()).isEqualTo(account);
        }

        // a key made on the running node after the rotation must survive the restart too
        AccessKey late = iam.createAccessKey(r -> r.userName("after-rotation")).accessKey();
        // restart on the same data directory and root key file
        server.server().close();
        StrongroomServer restarted = restart(server);
        try {
            List<AwsClients> again = List.of(
                    AwsClients.create(restarted.apiEndpoint(), first.accessKeyId(), first.secretAccessKey()),
                    AwsClients.create(restarted.apiEndpoint(), second.accessKeyId(), second.secretAccessKey()),
                    AwsClients.create(restarted.apiEndpoint(), session.accessKeyId(), session.secretAccessKey(),
                            session.sessionToken()),
                    AwsClients.create(restarted.apiEndpoint(), server.admin().accessKeyId(),
                            server.admin().secretAccessKey()),
                    AwsClients.create(restarted.apiEndpoint(), late.accessKeyId(), late.secretAccessKey()));
            List<String> arns = new ArrayList<>();
            for (AwsClients caller : again) {
                try (caller) {
                    arns.add(caller.sts().getCallerIdentity().arn());
                }
            }
            assertThat(arns).containsExactly(
                    "arn:aws:iam::" + account + ":user/rotating",
                    "arn:aws:iam::" + account + ":user/rotating",
                    "arn:aws:sts::" + account + ":assumed-role/rotating-role/rotation",
                    administrator.arn(),
                    "arn:aws:iam::" + account + ":user/after-rotation");
        } finally {
            restarted.close();
        }
    }

    /** What {@code strongroom root-key rotate} runs, against the node's store and root key. */
    private static RootKeyRotationRunner.Summary rotate(StrongroomTestServer node) {
        return assembly().rotate(node.server().config());
    }

    /** A new node on the same data directory, database and root key (the data directory stays until the test server closes). */
    private static StrongroomServer restart(StrongroomTestServer stopped) throws Exception {
        StrongroomServer restarted = new StrongroomServer(stopped.server().config(), assembly());
        restarted.start();
        return restarted;
    }

    private static ServerAssembly assembly() {
        return new ServerAssembly(Map.of(), Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream()));
    }

    private static int rewrapped(RootKeyRotationRunner.Summary summary) {
        Matcher counts = REWRAPPED.matcher(summary.summary());
        assertThat(counts.find()).as(summary.summary()).isTrue();
        assertThat(Integer.parseInt(counts.group(2))).as("already current: " + summary.summary()).isZero();
        return Integer.parseInt(counts.group(1));
    }

    /** Waits (bounded) until the load thread has made {@code target} successful calls. */
    private static void awaitCalls(AtomicInteger calls, int target, Queue<Throwable> failures)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (calls.get() < target && failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(failures).as("calls that failed").isEmpty();
        assertThat(calls.get()).as("successful calls").isGreaterThanOrEqualTo(target);
    }
}
