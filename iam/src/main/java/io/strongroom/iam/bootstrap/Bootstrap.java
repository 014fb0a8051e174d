package io.strongroom.iam.bootstrap;

import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.identity.IdentityRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * First start: the organization, its management account, the AWS-managed policies and an
 * administrator, all in one transaction. Later starts find the organization and do nothing.
 */
public final class Bootstrap {

    public Bootstrap(IdentityRepository repository, Transactor transactor, RootKeyProvider rootKeys, Clock clock) {
    }

    /**
     * @param givenCredentials the administrator's key from STRONGROOM_ADMIN_ACCESS_KEY_ID /
     *                         STRONGROOM_ADMIN_SECRET_ACCESS_KEY; generated when empty. Throws
     *                         {@link IllegalArgumentException} when their shape is wrong.
     */
    public BootstrapResult run(Optional<AdminCredentials> givenCredentials) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
