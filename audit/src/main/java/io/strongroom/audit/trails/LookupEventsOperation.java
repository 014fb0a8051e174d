package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditLookupPage;
import io.strongroom.audit.AuditLookupQuery;
import io.strongroom.audit.AuditRepository;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.LookupAttributeKey;
import io.strongroom.audit.LookupCursor;
import io.strongroom.iam.auth.CallContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * LookupEvents: the caller's own account's management events, newest first, filtered by at most one
 * attribute and a time range, a page at a time. Like CloudTrail's event history it reads the
 * hash-chained records themselves, so no trail setting can hide a call from it. Data events are left
 * to the exports, as in AWS; Strongroom records no Insights events, so {@code EventCategory=insight}
 * finds none.
 */
final class LookupEventsOperation {
    static final int MAX_RESULTS = 50;
    static final int MAX_ATTRIBUTE_VALUE = 2000;
    static final String INSIGHT = "insight";

    private final AuditRepository records;
    private final TrailGuard guard;
    private final LookupTokens tokens;

    LookupEventsOperation(AuditRepository records, TrailGuard guard, LookupTokens tokens) {
        this.records = requireNonNull(records, "records");
        this.guard = requireNonNull(guard, "guard");
        this.tokens = requireNonNull(tokens, "tokens");
    }

    LookupEventsResult lookup(CallContext call, LookupEventsRequest request) {
        Optional<LookupEventsRequest.LookupAttribute> attribute = attribute(request.lookupAttributes());
        Optional<LookupAttributeKey> key = attribute.map(a -> attributeKey(a.key()));
        Optional<String> value = attribute.map(a -> attributeValue(key.get(), a.value()));
        Instant start = request.startTime().orElse(null);
        Instant end = request.endTime().orElse(null);
        if (start != null && end != null && start.isAfter(end)) {
            throw CloudTrailErrors.invalidTimeRange();
        }
        int maxResults = request.maxResults().orElse(MAX_RESULTS);
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw CloudTrailErrors.invalidMaxResults();
        }
        boolean insights = request.eventCategory().map(category -> {
            if (!category.equals(INSIGHT)) {
                throw CloudTrailErrors.invalidEventCategory(category);
            }
            return true;
        }).orElse(false);

        guard.authorize(call, "LookupEvents", "*");

        // always the caller's account: the token cannot widen it, the binding only checks it
        String account = call.principal().accountId();
        List<String> binding = LookupTokens.binding(account, key.map(LookupAttributeKey::wireName).orElse(null),
                value.orElse(null), start, end, insights ? INSIGHT : null);
        LookupCursor after = request.nextToken().map(token -> tokens.read(token, binding)).orElse(null);
        if (insights) {
            return new LookupEventsResult(List.of(), Optional.empty());
        }
        AuditLookupPage page = records.lookup(new AuditLookupQuery(account, key.orElse(null), value.orElse(null),
                start, end, EventCategory.MANAGEMENT, after, maxResults));
        return new LookupEventsResult(page.records(),
                Optional.ofNullable(page.next()).map(next -> tokens.issue(binding, next)));
    }

    private static Optional<LookupEventsRequest.LookupAttribute> attribute(
            List<LookupEventsRequest.LookupAttribute> attributes) {
        if (attributes.size() > 1) {
            throw CloudTrailErrors.invalidLookupAttributes("You can specify at most one lookup attribute; "
                    + attributes.size() + " were given.");
        }
        return attributes.stream().findFirst();
    }

    private static LookupAttributeKey attributeKey(String wireName) {
        try {
            return LookupAttributeKey.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            throw CloudTrailErrors.invalidLookupAttributes("Invalid AttributeKey " + CloudTrailErrors.quoted(wireName)
                    + ": it must be one of EventId, EventName, ReadOnly, Username, ResourceType, ResourceName,"
                    + " EventSource, AccessKeyId.");
        }
    }

    private static String attributeValue(LookupAttributeKey key, String value) {
        if (value.isEmpty() || value.length() > MAX_ATTRIBUTE_VALUE) {
            throw CloudTrailErrors.invalidLookupAttributes("The AttributeValue must be 1 to " + MAX_ATTRIBUTE_VALUE
                    + " characters long.");
        }
        if (key == LookupAttributeKey.READ_ONLY && !value.equals("true") && !value.equals("false")) {
            throw CloudTrailErrors.invalidLookupAttributes("The value of the ReadOnly attribute must be true or false,"
                    + " not " + CloudTrailErrors.quoted(value) + ".");
        }
        return value;
    }
}
