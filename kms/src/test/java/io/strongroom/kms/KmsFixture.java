package io.strongroom.kms;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.identity.IamArns;
import io.strongroom.iam.testing.AesGcmRootKeyProvider;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.iam.testing.MutableClock;
import io.strongroom.kms.testing.InMemoryKmsRepository;
import io.strongroom.kms.testing.InMemoryKmsTransactor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A {@link KmsService} wired to real collaborators: iam's bootstrapped identity domain (in-memory
 * identity store, the real {@code AccessAuthorizer} and policy evaluator), a test root key, the
 * in-memory KMS store with its rolling-back transactor, a recording {@link KmsEvents} and one
 * mutable clock shared by everything, so caches, rotation dates and deletion windows move together.
 */
final class KmsFixture {
    static final String REGION = "us-east-1";

    final IamFixture iam = new IamFixture();
    final MutableClock clock = iam.clock;
    final InMemoryKmsRepository repository = new InMemoryKmsRepository();
    final InMemoryKmsTransactor transactor = new InMemoryKmsTransactor(repository);
    final AesGcmRootKeyProvider rootKeys = new AesGcmRootKeyProvider();
    final RecordingKmsEvents events = new RecordingKmsEvents();
    final KmsService kms = new KmsService(repository, rootKeys, transactor, iam.authorizer, clock,
            KmsService.Settings.defaults(REGION), events);
    final String account = iam.account;
    /** The account's root user. */
    final CallContext root = asRoot(account);
    /** The bootstrap administrator: an IAM user with AdministratorAccess. */
    final CallContext admin = iam.admin;

    /** A call as the root user of an account. */
    CallContext asRoot(String accountId) {
        Principal principal = new Principal(PrincipalType.ROOT, accountId, IamArns.root(accountId),
                IamArns.root(accountId), accountId, "", "AKIAROOTTESTKEY00000", Map.of(), Optional.empty());
        return new CallContext("req-root", principal, "10.0.0.1", "test", true, REGION, clock.instant());
    }

    /** A new IAM user with no policy at all. */
    CallContext user(String name) {
        return iam.newUser(name);
    }

    /** A new IAM user with one inline policy allowing {@code actions} on every resource. */
    CallContext userAllowed(String name, String actions) {
        CallContext user = iam.newUser(name);
        iam.allowUser(name, "allow", actions);
        return user;
    }

    /** A new symmetric encryption key made by the account root, with the default key policy. */
    KmsKey newKey() {
        return newKey("");
    }

    KmsKey newKey(String description) {
        return kms.createKey(root, request(description, Optional.empty(), false, Map.of()));
    }

    KmsKey newKeyTagged(Map<String, String> tags) {
        return kms.createKey(root, request("", Optional.empty(), false, tags));
    }

    static KmsService.CreateKeyRequest request(String description, Optional<String> policy, boolean bypass,
                                               Map<String, String> tags) {
        return new KmsService.CreateKeyRequest(description, Optional.empty(), Optional.empty(), policy, bypass, tags);
    }

    byte[] encrypt(CallContext call, String keyId, byte[] plaintext, Map<String, String> context) {
        return kms.encrypt(call, keyId, plaintext, context, Optional.empty(), List.of()).ciphertext();
    }

    byte[] decrypt(CallContext call, byte[] ciphertext, Map<String, String> context) {
        return kms.decrypt(call, ciphertext, context, Optional.empty(), Optional.empty(), List.of()).plaintext();
    }

    /** Lets every short-lived cache (key views, alias resolutions, principal policies) expire. */
    void expireCaches() {
        clock.advance(Duration.ofSeconds(3));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Asserts a KMS (or IAM) error by its AWS code; every KMS error is a 400. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertKmsError(ThrowingCallable call, String code) {
        return assertAwsError(call, code, 400);
    }

    /** As {@link #assertKmsError(ThrowingCallable, String)}, naming the case in the failure message. */
    static void assertKmsError(String description, ThrowingCallable call, String code) {
        assertThatThrownBy(call).as(description).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).as(description).isEqualTo(code);
            assertThat(e.httpStatus()).as(description).isEqualTo(400);
        });
    }

    /** Asserts that IAM's authorisation refused the call. */
    static void assertDenied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class);
    }

    /** A key policy in which the account root may do everything, plus the given statements. */
    String policyWithRootAnd(String... statements) {
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[")
                .append("{\"Sid\":\"Root\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"")
                .append(IamArns.root(account)).append("\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
        for (String statement : statements) {
            json.append(',').append(statement);
        }
        return json.append("]}").toString();
    }

    /** A key-policy statement for one principal ARN. */
    static String statement(String effect, String principalArn, String action) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":{\"AWS\":\"" + principalArn + "\"},\"Action\":\""
                + action + "\",\"Resource\":\"*\"}";
    }
}
