package io.strongroom.iam.sts;

import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.policy.PolicyEvaluator;
import java.time.Clock;

/** The STS API as plain Java: GetCallerIdentity and AssumeRole. */
public final class StsService {

    public StsService(IdentityRepository repository, Transactor transactor, RootKeyProvider rootKeys,
                      AccessAuthorizer authorizer, PolicyEvaluator evaluator, Clock clock) {
    }

    /** Needs no permission, as in AWS: every authenticated caller may ask who it is. */
    public CallerIdentity getCallerIdentity(CallContext call) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public AssumeRoleResult assumeRole(CallContext call, AssumeRoleRequest request) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
