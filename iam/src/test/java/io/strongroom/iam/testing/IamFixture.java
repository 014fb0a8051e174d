package io.strongroom.iam.testing;

import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.OrganizationGuardrails;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.ResolvedCredential;
import io.strongroom.iam.auth.StoreCredentialResolver;
import io.strongroom.iam.bootstrap.Bootstrap;
import io.strongroom.iam.bootstrap.BootstrapResult;
import io.strongroom.iam.identity.CreatedAccessKey;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.Tag;
import io.strongroom.iam.sts.StsService;
import io.strongroom.policy.PolicyEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A bootstrapped Strongroom identity domain over in-memory fakes, with helpers to call as someone. */
public final class IamFixture {
    public final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    public final InMemoryIdentityRepository repository = new InMemoryIdentityRepository();
    public final InMemoryTransactor transactor = new InMemoryTransactor(repository);
    public final AesGcmRootKeyProvider rootKeys = new AesGcmRootKeyProvider();
    public final AccessAuthorizer authorizer;
    public final StoreCredentialResolver resolver =
            new StoreCredentialResolver(repository, rootKeys, clock, StoreCredentialResolver.DEFAULT_CACHE_TTL);
    public final IdentityService iam;
    public final StsService sts;
    public final BootstrapResult bootstrap;
    public final String account;
    public final CallContext admin;

    public IamFixture() {
        this(OrganizationGuardrails.NONE);
    }

    /** A fixture whose authorizer applies these guardrails (an organization's SCPs and RCPs). */
    public IamFixture(OrganizationGuardrails guardrails) {
        authorizer = new AccessAuthorizer(repository, new PolicyEvaluator(), clock, AccessAuthorizer.DEFAULT_CACHE_TTL,
                guardrails);
        iam = new IdentityService(repository, transactor, rootKeys, authorizer, clock, List.of(authorizer, resolver));
        sts = new StsService(repository, transactor, rootKeys, authorizer, clock);
        bootstrap = new Bootstrap(repository, transactor, rootKeys, clock).run(Optional.empty());
        account = bootstrap.managementAccountId();
        admin = callAs(bootstrap.credentials().orElseThrow().accessKeyId());
    }

    public CallContext callAs(String accessKeyId) {
        ResolvedCredential credential = resolver.resolve(accessKeyId).orElseThrow();
        return new CallContext("req-1", credential.principal(), "10.0.0.1", "test", true, "us-east-1",
                clock.instant());
    }

    /** A new user with one access key, called as that user. */
    public CallContext newUser(String name, Tag... tags) {
        iam.createUser(admin, name, Optional.empty(), Optional.empty(), List.of(tags));
        CreatedAccessKey key = iam.createAccessKey(admin, Optional.of(name));
        return callAs(key.key().accessKeyId());
    }

    public void allowUser(String userName, String policyName, String actions) {
        iam.putUserPolicy(admin, userName, policyName, allow(actions, "*"));
    }

    public static String allow(String action, String resource) {
        return statement("Allow", action, resource);
    }

    public static String deny(String action, String resource) {
        return statement("Deny", action, resource);
    }

    private static String statement(String effect, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    public String awsPolicy(String name) {
        return "arn:aws:iam::aws:policy/" + name;
    }

    public void expireCaches() {
        clock.advance(Duration.ofSeconds(3));
    }
}
