package io.strongroom.kms;

import static io.strongroom.kms.KmsFixture.assertDenied;
import static io.strongroom.kms.KmsFixture.assertKmsError;
import static io.strongroom.kms.KmsFixture.statement;
import static io.strongroom.kms.KmsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Grants: a user with no IAM policy is allowed by a grant alone, within its constraint, until the
 * grant is retired or revoked; an explicit deny in the key policy still wins.
 */
class GrantTest {
    private static final Map<String, String> ENG = Map.of("dept", "eng");

    private final KmsFixture f = new KmsFixture();
    private final KmsKey key = f.newKey("granted");
    private final CallContext alice = f.user("alice");
    private final String aliceArn = alice.principal().arn();

    @Test
    void aUserWithoutPoliciesIsDeniedUntilAGrantAllowsThem() {
        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("x"), Map.of()));

        KmsService.CreatedGrant grant = grant(List.of("Encrypt", "Decrypt"), Optional.empty(), Optional.empty());

        assertThat(grant.grantId()).matches("[0-9a-f]{64}");
        byte[] blob = f.encrypt(alice, key.keyId(), utf8("granted"), Map.of());
        assertThat(f.decrypt(alice, blob, Map.of())).isEqualTo(utf8("granted"));
        // only the granted operations
        assertDenied(() -> f.kms.generateDataKey(alice, key.keyId(), Map.of(), Optional.of("AES_256"),
                Optional.empty(), List.of(), true));
        assertDenied(() -> f.kms.describeKey(alice, key.keyId(), List.of()));
        assertDenied(() -> f.kms.disableKey(alice, key.keyId()));
        // and only on the granted key
        KmsKey other = f.newKey("other");
        assertDenied(() -> f.encrypt(alice, other.keyId(), utf8("x"), Map.of()));
    }

    @Test
    void theGrantTokenIsAcceptedAndAnInvalidOneIsRefused() {
        KmsService.CreatedGrant grant = grant(List.of("Encrypt"), Optional.empty(), Optional.empty());

        assertThat(f.kms.encrypt(alice, key.keyId(), utf8("x"), Map.of(), Optional.empty(),
                List.of(grant.grantToken())).keyArn()).isEqualTo(key.arn());
        assertKmsError(() -> f.kms.encrypt(alice, key.keyId(), utf8("x"), Map.of(), Optional.empty(),
                List.of("not-a-grant-token")), "InvalidGrantTokenException");
        assertKmsError(() -> f.kms.encrypt(f.root, key.keyId(), utf8("x"), Map.of(), Optional.empty(),
                List.of(grant.grantToken(), "bogus")), "InvalidGrantTokenException");
        assertKmsError(() -> f.kms.retireGrant(f.root, Optional.of("bogus"), Optional.empty(), Optional.empty()),
                "InvalidGrantTokenException");
    }

    @Test
    void anEncryptionContextSubsetConstraintIsHonoured() {
        grant(List.of("Encrypt", "Decrypt", "GenerateDataKey"), Optional.of(ENG), Optional.empty());

        byte[] exact = f.encrypt(alice, key.keyId(), utf8("a"), ENG);
        byte[] superset = f.encrypt(alice, key.keyId(), utf8("b"), Map.of("dept", "eng", "project", "x"));
        assertThat(f.decrypt(alice, exact, ENG)).isEqualTo(utf8("a"));
        assertThat(f.decrypt(alice, superset, Map.of("dept", "eng", "project", "x"))).isEqualTo(utf8("b"));
        f.kms.generateDataKey(alice, key.keyId(), ENG, Optional.of("AES_256"), Optional.empty(), List.of(), true);

        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("c"), Map.of("dept", "ops")));
        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("c"), Map.of()));
        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("c"), Map.of("dept", "ENG")));
        assertDenied(() -> f.kms.generateDataKey(alice, key.keyId(), Map.of("project", "x"), Optional.of("AES_256"),
                Optional.empty(), List.of(), true));
        byte[] ops = f.encrypt(f.root, key.keyId(), utf8("ops"), Map.of("dept", "ops"));
        assertDenied(() -> f.decrypt(alice, ops, Map.of("dept", "ops")));
    }

    @Test
    void anEncryptionContextEqualsConstraintAllowsOnlyThatExactContext() {
        grant(List.of("Encrypt"), Optional.empty(), Optional.of(ENG));

        f.encrypt(alice, key.keyId(), utf8("a"), ENG);
        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("b"), Map.of("dept", "eng", "project", "x")));
        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("b"), Map.of()));
        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("b"), Map.of("dept", "ops")));
    }

    @Test
    void aGrantConstraintDoesNotApplyToDescribeKey() {
        grant(List.of("Encrypt", "DescribeKey"), Optional.of(ENG), Optional.empty());

        assertThat(f.kms.describeKey(alice, key.keyId(), List.of()).keyId()).isEqualTo(key.keyId());
    }

    @Test
    void aConstrainedGrantsCreateGrantAllowsEquallyConstrainedChildGrants() {
        CallContext carol = f.user("carol");
        grant(List.of("Encrypt", "CreateGrant"), Optional.of(ENG), Optional.empty());

        f.kms.createGrant(alice, new KmsService.CreateGrantRequest(key.keyId(), carol.principal().arn(),
                Optional.empty(), List.of("Encrypt"), Optional.of(ENG), Optional.empty(), List.of(), Optional.empty()));

        f.encrypt(carol, key.keyId(), utf8("x"), ENG);
    }

    @Test
    void aGrantsCreateGrantCannotGrantMoreThanTheParentGrantAllows() {
        grant(List.of("CreateGrant"), Optional.empty(), Optional.empty());
        byte[] secret = f.encrypt(f.root, key.keyId(), utf8("secret"), Map.of());

        assertDenied(() -> f.kms.createGrant(alice, new KmsService.CreateGrantRequest(key.keyId(), aliceArn,
                Optional.empty(), List.of("Decrypt"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty())));
        assertDenied(() -> f.decrypt(alice, secret, Map.of()));
    }

    @Test
    void anExplicitDenyInTheKeyPolicyBeatsTheGrant() {
        grant(List.of("Encrypt", "Decrypt"), Optional.empty(), Optional.empty());
        byte[] blob = f.encrypt(alice, key.keyId(), utf8("x"), Map.of());

        f.kms.putKeyPolicy(f.root, key.keyId(), "default",
                f.policyWithRootAnd(statement("Deny", aliceArn, "kms:Decrypt")), false);

        assertDenied(() -> f.decrypt(alice, blob, Map.of()));
        f.encrypt(alice, key.keyId(), utf8("still allowed"), Map.of());
        assertThat(f.decrypt(f.root, blob, Map.of())).isEqualTo(utf8("x"));
    }

    @Test
    void anExplicitDenyInTheGranteesIamPolicyBeatsTheGrant() {
        grant(List.of("Encrypt"), Optional.empty(), Optional.empty());
        f.iam.iam.putUserPolicy(f.admin, "alice", "deny", IamFixture.deny("kms:*", "*"));

        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("x"), Map.of()));
    }

    @Test
    void theRetiringPrincipalRetiresTheGrantByToken() {
        CallContext bob = f.user("bob");
        KmsService.CreatedGrant grant = grant(List.of("Encrypt"), Optional.empty(), Optional.empty(),
                Optional.of(bob.principal().arn()));
        f.encrypt(alice, key.keyId(), utf8("x"), Map.of());

        f.kms.retireGrant(bob, Optional.of(grant.grantToken()), Optional.empty(), Optional.empty());

        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("x"), Map.of()));
        assertThat(f.repository.listGrants(key.keyId())).isEmpty();
        assertKmsError(() -> f.kms.retireGrant(bob, Optional.of(grant.grantToken()), Optional.empty(),
                Optional.empty()), "InvalidGrantTokenException");
    }

    @Test
    void theRetiringPrincipalRetiresTheGrantByKeyAndGrantId() {
        CallContext bob = f.user("bob");
        KmsService.CreatedGrant grant = grant(List.of("Encrypt"), Optional.empty(), Optional.empty(),
                Optional.of(bob.principal().arn()));
        assertThat(f.kms.listRetirableGrants(f.root, bob.principal().arn(), Optional.empty(), 10).items())
                .extracting(Grant::grantId).containsExactly(grant.grantId());

        f.kms.retireGrant(bob, Optional.empty(), Optional.of(key.arn()), Optional.of(grant.grantId()));

        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("x"), Map.of()));
        assertThat(f.kms.listRetirableGrants(f.root, bob.principal().arn(), Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void someoneElseCannotRetireTheGrant() {
        CallContext bob = f.user("bob");
        CallContext mallory = f.user("mallory");
        KmsService.CreatedGrant grant = grant(List.of("Encrypt"), Optional.empty(), Optional.empty(),
                Optional.of(bob.principal().arn()));

        assertDenied(() -> f.kms.retireGrant(mallory, Optional.of(grant.grantToken()), Optional.empty(),
                Optional.empty()));
        // the grantee may not either, unless the grant includes RetireGrant
        assertDenied(() -> f.kms.retireGrant(alice, Optional.of(grant.grantToken()), Optional.empty(),
                Optional.empty()));
        f.encrypt(alice, key.keyId(), utf8("x"), Map.of());
    }

    @Test
    void theAccountRootMayRetireAnyGrantOfItsKeys() {
        KmsService.CreatedGrant grant = grant(List.of("Encrypt"), Optional.empty(), Optional.empty());

        f.kms.retireGrant(f.root, Optional.empty(), Optional.of(key.keyId()), Optional.of(grant.grantId()));

        assertThat(f.repository.listGrants(key.keyId())).isEmpty();
    }

    @Test
    void anIamDenyOfRetireGrantStopsTheRetiringPrincipal() {
        CallContext bob = f.user("bob");
        f.iam.iam.putUserPolicy(f.admin, "bob", "no-retire",
                IamFixture.deny("kms:RetireGrant", "*"));
        KmsService.CreatedGrant grant = grant(List.of("Encrypt"), Optional.empty(), Optional.empty(),
                Optional.of(bob.principal().arn()));

        assertDenied(() -> f.kms.retireGrant(bob, Optional.of(grant.grantToken()), Optional.empty(),
                Optional.empty()));
        assertThat(f.repository.listGrants(key.keyId())).hasSize(1);
    }

    @Test
    void theKeysAccountCanDelegateRetireGrantThroughIam() {
        CallContext cleaner = f.userAllowed("cleaner", "kms:RetireGrant");
        KmsService.CreatedGrant grant = grant(List.of("Encrypt"), Optional.empty(), Optional.empty());

        f.kms.retireGrant(cleaner, Optional.empty(), Optional.of(key.keyId()), Optional.of(grant.grantId()));

        assertThat(f.repository.listGrants(key.keyId())).isEmpty();
    }

    @Test
    void anAccountAsRetiringPrincipalDoesNotLetEveryoneInItRetire() {
        CallContext nobody = f.user("nobody");
        KmsService.CreatedGrant grant = grant(List.of("Encrypt"), Optional.empty(), Optional.empty(),
                Optional.of("arn:aws:iam::" + f.account + ":root"));

        assertDenied(() -> f.kms.retireGrant(nobody, Optional.of(grant.grantToken()), Optional.empty(),
                Optional.empty()));
        assertThat(f.repository.listGrants(key.keyId())).hasSize(1);
    }

    @Test
    void aGranteeWhoseGrantIncludesRetireGrantMayRetireIt() {
        KmsService.CreatedGrant grant = grant(List.of("Encrypt", "RetireGrant"), Optional.empty(), Optional.empty());

        f.kms.retireGrant(alice, Optional.of(grant.grantToken()), Optional.empty(), Optional.empty());

        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("x"), Map.of()));
    }

    @Test
    void revokeGrantEndsTheGrantAtOnce() {
        KmsService.CreatedGrant grant = grant(List.of("Encrypt"), Optional.empty(), Optional.empty());
        f.encrypt(alice, key.keyId(), utf8("x"), Map.of());

        f.kms.revokeGrant(f.root, key.keyId(), grant.grantId());

        assertDenied(() -> f.encrypt(alice, key.keyId(), utf8("x"), Map.of()));
        assertKmsError(() -> f.kms.revokeGrant(f.root, key.keyId(), grant.grantId()), "NotFoundException");
        assertKmsError(() -> f.kms.revokeGrant(f.root, key.keyId(), "not-a-grant-id"), "InvalidGrantIdException");
        assertKmsError(() -> f.kms.encrypt(alice, key.keyId(), utf8("x"), Map.of(), Optional.empty(),
                List.of(grant.grantToken())), "InvalidGrantTokenException");
    }

    @Test
    void aUserWithoutPermissionCannotRevokeOrCreateGrants() {
        grant(List.of("Encrypt"), Optional.empty(), Optional.empty());
        String grantId = f.repository.listGrants(key.keyId()).getFirst().grantId();

        assertDenied(() -> f.kms.revokeGrant(alice, key.keyId(), grantId));
        assertDenied(() -> f.kms.createGrant(alice, new KmsService.CreateGrantRequest(key.keyId(), aliceArn,
                Optional.empty(), List.of("Decrypt"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty())));
        assertThat(f.repository.listGrants(key.keyId())).hasSize(1);
    }

    @Test
    void listGrantsShowsTheGrantAsCreated() {
        KmsService.CreatedGrant grant = grant(List.of("Encrypt", "Decrypt"), Optional.of(ENG), Optional.empty());

        List<Grant> grants = f.kms.listGrants(f.root, key.keyId(), Optional.empty(), Optional.empty(),
                Optional.empty(), 10).items();

        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.grantId()).isEqualTo(grant.grantId());
            assertThat(g.keyId()).isEqualTo(key.keyId());
            assertThat(g.granteePrincipal()).isEqualTo(aliceArn);
            assertThat(g.operations()).containsExactly("Encrypt", "Decrypt");
            assertThat(g.encryptionContextSubset()).contains(ENG);
            assertThat(g.issuingAccount()).isEqualTo("arn:aws:iam::" + f.account + ":root");
        });
    }

    @Test
    void aRetriedNamedCreateGrantReturnsTheSameGrant() {
        KmsService.CreateGrantRequest request = new KmsService.CreateGrantRequest(key.keyId(), aliceArn,
                Optional.empty(), List.of("Encrypt"), Optional.empty(), Optional.empty(), List.of(),
                Optional.of("retry-me"));

        KmsService.CreatedGrant first = f.kms.createGrant(f.root, request);
        KmsService.CreatedGrant again = f.kms.createGrant(f.root, request);

        assertThat(again).isEqualTo(first);
        assertThat(f.repository.listGrants(key.keyId())).hasSize(1);
    }

    @Test
    void invalidGrantRequestsAreRefused() {
        assertKmsError(() -> grant(List.of("ScheduleKeyDeletion"), Optional.empty(), Optional.empty()),
                "ValidationException");
        assertKmsError(() -> grant(List.of("Sign"), Optional.empty(), Optional.empty()), "ValidationException");
        assertKmsError(() -> grant(List.of("Encrypt"), Optional.of(ENG), Optional.of(ENG)), "ValidationException");
        assertKmsError(() -> f.kms.createGrant(f.root, new KmsService.CreateGrantRequest(key.keyId(), "alice",
                Optional.empty(), List.of("Encrypt"), Optional.empty(), Optional.empty(), List.of(), Optional.empty())),
                "ValidationException");
        assertThat(f.repository.listGrants(key.keyId())).isEmpty();
    }

    @Test
    void listGrantsPagesThroughEveryGrantOnce() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            created.add(grant(List.of("Encrypt"), Optional.empty(), Optional.empty()).grantId());
            f.clock.advance(Duration.ofSeconds(1));
        }

        List<String> paged = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        int pages = 0;
        do {
            KmsService.Page<Grant> page = f.kms.listGrants(f.root, key.keyId(), Optional.empty(), Optional.empty(),
                    marker, 3);
            page.items().forEach(g -> paged.add(g.grantId()));
            marker = page.nextMarker();
        } while (marker.isPresent() && ++pages < 20);

        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    private KmsService.CreatedGrant grant(List<String> operations, Optional<Map<String, String>> subset,
                                          Optional<Map<String, String>> equals) {
        return grant(operations, subset, equals, Optional.empty());
    }

    private KmsService.CreatedGrant grant(List<String> operations, Optional<Map<String, String>> subset,
                                          Optional<Map<String, String>> equals, Optional<String> retiring) {
        return f.kms.createGrant(f.root, new KmsService.CreateGrantRequest(key.keyId(), aliceArn, retiring, operations,
                subset, equals, List.of(), Optional.empty()));
    }
}
