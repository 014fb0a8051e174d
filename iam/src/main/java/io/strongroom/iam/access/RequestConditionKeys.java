package io.strongroom.iam.access;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.auth.Session;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The global condition keys of a call, from its context and its principal. */
final class RequestConditionKeys {
    private RequestConditionKeys() {
    }

    static Map<String, List<String>> of(CallContext call, Optional<String> organizationId) {
        Map<String, List<String>> keys = new HashMap<>();
        addTo(keys::put, call, organizationId);
        return keys;
    }

    /** Adds the keys to a sink (a map's or a {@link io.strongroom.policy.ConditionKeys.Builder}'s put). */
    static void addTo(BiConsumer<String, List<String>> keys, CallContext call, Optional<String> organizationId) {
        Principal principal = call.principal();
        if (principal.type() == PrincipalType.IAM_USER) {
            keys.accept("aws:username", List.of(principal.name()));
        }
        keys.accept("aws:userid", List.of(principal.principalId()));
        keys.accept("aws:PrincipalArn", List.of(principal.principalArn()));
        keys.accept("aws:PrincipalAccount", List.of(principal.accountId()));
        organizationId.ifPresent(id -> keys.accept("aws:PrincipalOrgID", List.of(id)));
        principal.tags().forEach((k, v) -> keys.accept("aws:PrincipalTag/" + k, List.of(v)));
        keys.accept("aws:PrincipalType", List.of(principal.type().awsName()));
        keys.accept("aws:SourceIp", List.of(call.sourceIp()));
        keys.accept("aws:SecureTransport", List.of(Boolean.toString(call.secureTransport())));
        keys.accept("aws:CurrentTime", List.of(iso(call.receivedAt())));
        keys.accept("aws:EpochTime", List.of(Long.toString(call.receivedAt().getEpochSecond())));
        keys.accept("aws:RequestedRegion", List.of(call.region()));
        keys.accept("aws:MultiFactorAuthPresent", List.of("false"));
        keys.accept("aws:ViaAWSService", List.of("false"));
        keys.accept("aws:PrincipalIsAWSService", List.of("false"));
        if (!call.userAgent().isEmpty()) {
            keys.accept("aws:UserAgent", List.of(call.userAgent()));
        }
        principal.session().ifPresent(session -> addSessionKeys(keys, session));
    }

    private static void addSessionKeys(BiConsumer<String, List<String>> keys, Session session) {
        keys.accept("aws:TokenIssueTime", List.of(iso(session.issuedAt())));
        session.sourceIdentity().ifPresent(id -> keys.accept("aws:SourceIdentity", List.of(id)));
    }

    private static String iso(java.time.Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
