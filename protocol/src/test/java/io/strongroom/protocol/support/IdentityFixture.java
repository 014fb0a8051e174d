package io.strongroom.protocol.support;

import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.simulation.PolicySimulator;
import io.strongroom.iam.identity.Organization;
import io.strongroom.iam.identity.User;
import io.strongroom.iam.sts.StsService;
import io.strongroom.iam.testing.AesGcmRootKeyProvider;
import io.strongroom.iam.testing.InMemoryIdentityRepository;
import io.strongroom.iam.testing.InMemoryTransactor;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.protocol.iam.IamQueryHandler;
import io.strongroom.protocol.sts.StsQueryHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real identity and STS services over iam's in-memory fakes, with the protocol handlers on top. */
public final class IdentityFixture {
    public final InMemoryIdentityRepository repository = new InMemoryIdentityRepository();
    public final IdentityService identities;
    public final StsService sts;
    public final IamQueryHandler iam;
    public final StsQueryHandler stsHandler;

    public IdentityFixture() {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        repository.insertOrganization(new Organization("o-test000001", "arn:aws:organizations::" + Requests.ACCOUNT
                + ":organization/o-test000001", Requests.ACCOUNT, now));
        repository.insertAccount(new Account(Requests.ACCOUNT, "test", "test@example.com", "o-test000001", now));
        AesGcmRootKeyProvider rootKeys = new AesGcmRootKeyProvider();
        InMemoryTransactor transactor = new InMemoryTransactor(repository);
        PolicyEvaluator evaluator = new PolicyEvaluator();
        AccessAuthorizer authorizer = new AccessAuthorizer(repository, evaluator, clock, Duration.ZERO);
        identities = new IdentityService(repository, transactor, rootKeys, authorizer, clock, List.of(authorizer));
        sts = new StsService(repository, transactor, rootKeys, authorizer, clock);
        iam = new IamQueryHandler(identities, new PolicySimulator(repository, transactor, authorizer, evaluator));
        stsHandler = new StsQueryHandler(sts);
    }

    /** A call made by an existing IAM user of the test account. */
    public CallContext callAs(String userName) {
        User user = repository.findUser(Requests.ACCOUNT, userName).orElseThrow();
        Principal principal = new Principal(PrincipalType.IAM_USER, Requests.ACCOUNT, user.arn(), user.arn(),
                user.userId(), user.userName(), "AKIAUSERUSERUSERUSER", user.tags(), Optional.empty());
        return new CallContext(Requests.REQUEST_ID, principal, "127.0.0.1", "test", false, "us-east-1", Instant.now());
    }

}
