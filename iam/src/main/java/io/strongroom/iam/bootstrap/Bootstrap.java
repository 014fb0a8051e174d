package io.strongroom.iam.bootstrap;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Ids;
import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.identity.AccessKey;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.IamArns;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.ManagedPolicy;
import io.strongroom.iam.identity.Organization;
import io.strongroom.iam.identity.PolicyVersion;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.SecretBinding;
import io.strongroom.iam.identity.User;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * First start: the organization, its management account, the AWS-managed policies and an
 * administrator, all in one transaction. Later starts find the organization and do nothing.
 */
public final class Bootstrap {
    public static final String ADMIN_USER_NAME = "admin";
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
    private static final int MIN_SECRET_LENGTH = 40;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ORG_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final IdentityRepository repository;
    private final Transactor transactor;
    private final RootKeyProvider rootKeys;
    private final Clock clock;

    public Bootstrap(IdentityRepository repository, Transactor transactor, RootKeyProvider rootKeys, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.transactor = requireNonNull(transactor, "transactor");
        this.rootKeys = requireNonNull(rootKeys, "rootKeys");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * @param givenCredentials the administrator's key from STRONGROOM_ADMIN_ACCESS_KEY_ID /
     *                         STRONGROOM_ADMIN_SECRET_ACCESS_KEY; generated when empty. Throws
     *                         {@link IllegalArgumentException} when their shape is wrong.
     */
    public BootstrapResult run(Optional<AdminCredentials> givenCredentials) {
        givenCredentials.ifPresent(Bootstrap::requireShape);
        return transactor.inTransaction(() -> repository.findOrganization()
                .map(this::alreadyDone)
                .orElseGet(() -> firstStart(givenCredentials.orElseGet(Bootstrap::generated))));
    }

    private BootstrapResult alreadyDone(Organization organization) {
        String account = organization.managementAccountId();
        return new BootstrapResult(false, organization.id(), account, IamArns.user(account, "/", ADMIN_USER_NAME),
                Optional.empty());
    }

    private BootstrapResult firstStart(AdminCredentials credentials) {
        Instant now = clock.instant();
        String accountId = Ids.accountId();
        String organizationId = "o-" + organizationSuffix();
        repository.insertOrganization(new Organization(organizationId,
                "arn:aws:organizations::" + accountId + ":organization/" + organizationId, accountId, now));
        repository.insertAccount(new Account(accountId, "management", "", organizationId, now));
        createAwsManagedPolicies(now);
        String adminArn = IamArns.user(accountId, "/", ADMIN_USER_NAME);
        repository.insertUser(new User(accountId, ADMIN_USER_NAME, Ids.uniqueId(Ids.USER_PREFIX), "/", adminArn, now,
                Optional.empty(), Map.of()));
        repository.attachPolicy(accountId, PrincipalKind.USER, ADMIN_USER_NAME,
                awsPolicyArn(AwsManagedPolicies.ADMINISTRATOR_ACCESS));
        byte[] wrapped = rootKeys.wrap(credentials.secretAccessKey().getBytes(StandardCharsets.UTF_8),
                SecretBinding.accessKeyAad(credentials.accessKeyId()));
        repository.insertAccessKey(new AccessKey(credentials.accessKeyId(), accountId, Optional.of(ADMIN_USER_NAME),
                true, now, wrapped, Optional.empty()));
        return new BootstrapResult(true, organizationId, accountId, adminArn, Optional.of(credentials));
    }

    private void createAwsManagedPolicies(Instant now) {
        AwsManagedPolicies.all().forEach((name, document) -> {
            String arn = awsPolicyArn(name);
            ManagedPolicy policy = new ManagedPolicy(arn, IamArns.AWS_ACCOUNT, name, Ids.uniqueId(Ids.POLICY_PREFIX),
                    "/", Optional.of(document.description()), "v1", now, now);
            repository.insertManagedPolicy(policy, new PolicyVersion(arn, "v1", document.json(), true, now));
        });
    }

    public static String awsPolicyArn(String name) {
        return IamArns.policy(IamArns.AWS_ACCOUNT, "/", name);
    }

    private static void requireShape(AdminCredentials credentials) {
        if (!ACCESS_KEY_ID.matcher(credentials.accessKeyId()).matches()) {
            throw new IllegalArgumentException("STRONGROOM_ADMIN_ACCESS_KEY_ID must be 16 to 128 characters of A-Z"
                    + " and 0-9");
        }
        if (credentials.secretAccessKey().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("STRONGROOM_ADMIN_SECRET_ACCESS_KEY must be at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
    }

    private static AdminCredentials generated() {
        return new AdminCredentials(Ids.accessKeyId(), Ids.secretAccessKey());
    }

    private static String organizationSuffix() {
        char[] out = new char[10];
        for (int i = 0; i < out.length; i++) {
            out[i] = ORG_ALPHABET[RANDOM.nextInt(ORG_ALPHABET.length)];
        }
        return new String(out);
    }
}
