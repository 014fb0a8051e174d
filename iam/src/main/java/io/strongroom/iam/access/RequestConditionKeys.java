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

/** The global condition keys of a call, from its context and its principal. */
final class RequestConditionKeys {
    private RequestConditionKeys() {
    }

    static Map<String, List<String>> of(CallContext call, Optional<String> organizationId) {
        Principal principal = call.principal();
        Map<String, List<String>> keys = new HashMap<>();
        if (principal.type() == PrincipalType.IAM_USER) {
            keys.put("aws:username", List.of(principal.name()));
        }
        keys.put("aws:userid", List.of(principal.principalId()));
        keys.put("aws:PrincipalArn", List.of(principal.principalArn()));
        keys.put("aws:PrincipalAccount", List.of(principal.accountId()));
        organizationId.ifPresent(id -> keys.put("aws:PrincipalOrgID", List.of(id)));
        principal.tags().forEach((k, v) -> keys.put("aws:PrincipalTag/" + k, List.of(v)));
        keys.put("aws:PrincipalType", List.of(principal.type().awsName()));
        keys.put("aws:SourceIp", List.of(call.sourceIp()));
        keys.put("aws:SecureTransport", List.of(Boolean.toString(call.secureTransport())));
        keys.put("aws:CurrentTime", List.of(iso(call.receivedAt())));
        keys.put("aws:EpochTime", List.of(Long.toString(call.receivedAt().getEpochSecond())));
        keys.put("aws:RequestedRegion", List.of(call.region()));
        keys.put("aws:MultiFactorAuthPresent", List.of("false"));
        keys.put("aws:ViaAWSService", List.of("false"));
        keys.put("aws:PrincipalIsAWSService", List.of("false"));
        if (!call.userAgent().isEmpty()) {
            keys.put("aws:UserAgent", List.of(call.userAgent()));
        }
        principal.session().ifPresent(session -> addSessionKeys(keys, session));
        return keys;
    }

    private static void addSessionKeys(Map<String, List<String>> keys, Session session) {
        keys.put("aws:TokenIssueTime", List.of(iso(session.issuedAt())));
        session.sourceIdentity().ifPresent(id -> keys.put("aws:SourceIdentity", List.of(id)));
    }

    private static String iso(java.time.Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
