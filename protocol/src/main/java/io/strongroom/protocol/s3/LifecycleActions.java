package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.LifecycleConfiguration;
import io.strongroom.s3.LifecycleRule;
import io.strongroom.s3.S3Service;
import io.strongroom.s3.TransitionMinimumSize;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Put/Get/DeleteBucketLifecycleConfiguration: the LifecycleConfiguration document to and from rules,
 * and the x-amz-transition-default-minimum-object-size header, which both answers carry as S3's do.
 */
final class LifecycleActions {
    private static final String MINIMUM_SIZE_HEADER = "x-amz-transition-default-minimum-object-size";
    private final S3Service service;

    LifecycleActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse put(CallContext call, S3Target target, ApiRequest request) {
        S3XmlInput document = S3XmlInput.parse(ContentIntegrity.checkedBody(request), "LifecycleConfiguration")
                .orElseThrow(S3XmlInput::malformed);
        List<LifecycleRule> rules = new ArrayList<>();
        for (S3XmlInput rule : document.children("Rule")) {
            rules.add(rule(rule));
        }
        TransitionMinimumSize minimumSize = request.header(MINIMUM_SIZE_HEADER).map(TransitionMinimumSize::of)
                .orElse(TransitionMinimumSize.ALL_STORAGE_CLASSES_128K);
        service.putBucketLifecycle(call, target.bucket().orElseThrow(), new LifecycleConfiguration(rules, minimumSize));
        return S3Responses.empty(200, Map.of(MINIMUM_SIZE_HEADER, minimumSize.awsName()));
    }

    ApiResponse get(CallContext call, S3Target target) {
        XmlWriter document = S3Responses.document("LifecycleConfiguration");
        LifecycleConfiguration configuration = service.bucketLifecycleConfiguration(call, target.bucket().orElseThrow());
        for (LifecycleRule rule : configuration.rules()) {
            document.start("Rule").element("ID", rule.id());
            writeFilter(document, rule.filter());
            document.element("Status", rule.enabled() ? "Enabled" : "Disabled");
            for (LifecycleRule.Transition transition : rule.transitions()) {
                document.start("Transition");
                transition.date().ifPresent(date -> document.element("Date", S3Responses.timestamp(date)));
                transition.days().ifPresent(days -> document.element("Days", days));
                document.element("StorageClass", transition.storageClass()).end();
            }
            for (LifecycleRule.NoncurrentTransition transition : rule.noncurrentTransitions()) {
                document.start("NoncurrentVersionTransition");
                transition.noncurrentDays().ifPresent(days -> document.element("NoncurrentDays", days));
                document.element("StorageClass", transition.storageClass());
                transition.newerNoncurrentVersions().ifPresent(n -> document.element("NewerNoncurrentVersions", n));
                document.end();
            }
            if (rule.expirationDays().isPresent() || rule.expirationDate().isPresent()
                    || rule.expiredObjectDeleteMarker()) {
                document.start("Expiration");
                rule.expirationDays().ifPresent(days -> document.element("Days", days));
                rule.expirationDate().ifPresent(date -> document.element("Date", S3Responses.timestamp(date)));
                if (rule.expiredObjectDeleteMarker()) {
                    document.element("ExpiredObjectDeleteMarker", true);
                }
                document.end();
            }
            rule.noncurrentDays().ifPresent(days -> {
                document.start("NoncurrentVersionExpiration").element("NoncurrentDays", days);
                rule.newerNoncurrentVersions().ifPresent(n -> document.element("NewerNoncurrentVersions", n));
                document.end();
            });
            rule.abortUploadDays().ifPresent(days -> document.start("AbortIncompleteMultipartUpload")
                    .element("DaysAfterInitiation", days).end());
            document.end();
        }
        ApiResponse response = S3Responses.xml(document);
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put(MINIMUM_SIZE_HEADER, configuration.minimumSize().awsName());
        return response.withHeaders(headers);
    }

    ApiResponse delete(CallContext call, S3Target target) {
        service.deleteBucketLifecycle(call, target.bucket().orElseThrow());
        return S3Responses.empty(204, Map.of());
    }

    private static LifecycleRule rule(S3XmlInput rule) {
        String status = rule.text("Status").orElseThrow(S3XmlInput::malformed);
        if (!status.equals("Enabled") && !status.equals("Disabled")) {
            throw S3XmlInput.malformed();
        }
        Optional<S3XmlInput> expiration = rule.child("Expiration");
        Optional<S3XmlInput> noncurrentExpiration = rule.child("NoncurrentVersionExpiration");
        Optional<Integer> noncurrentDays = noncurrentExpiration
                .map(n -> integer(n.text("NoncurrentDays").orElseThrow(S3XmlInput::malformed)));
        return new LifecycleRule(rule.text("ID").filter(id -> !id.isEmpty()).orElseGet(() -> UUID.randomUUID().toString()),
                status.equals("Enabled"), filter(rule),
                expiration.flatMap(e -> e.text("Days")).map(LifecycleActions::integer),
                expiration.flatMap(e -> e.text("Date")).map(LifecycleActions::date),
                expiration.flatMap(e -> e.text("ExpiredObjectDeleteMarker")).map(Boolean::parseBoolean).orElse(false),
                noncurrentDays, transitions(rule), noncurrentTransitions(rule),
                rule.child("AbortIncompleteMultipartUpload").map(abort -> integer(abort.text("DaysAfterInitiation")
                        .orElseThrow(S3XmlInput::malformed))),
                noncurrentExpiration.flatMap(n -> n.text("NewerNoncurrentVersions")).map(LifecycleActions::integer));
    }

    private static List<LifecycleRule.Transition> transitions(S3XmlInput rule) {
        List<LifecycleRule.Transition> transitions = new ArrayList<>();
        for (S3XmlInput transition : rule.children("Transition")) {
            transitions.add(new LifecycleRule.Transition(transition.text("Days").map(LifecycleActions::integer),
                    transition.text("Date").map(LifecycleActions::date),
                    transition.text("StorageClass").orElseThrow(S3XmlInput::malformed)));
        }
        return transitions;
    }

    private static List<LifecycleRule.NoncurrentTransition> noncurrentTransitions(S3XmlInput rule) {
        List<LifecycleRule.NoncurrentTransition> transitions = new ArrayList<>();
        for (S3XmlInput transition : rule.children("NoncurrentVersionTransition")) {
            transitions.add(new LifecycleRule.NoncurrentTransition(
                    transition.text("NoncurrentDays").map(LifecycleActions::integer),
                    transition.text("NewerNoncurrentVersions").map(LifecycleActions::integer),
                    transition.text("StorageClass").orElseThrow(S3XmlInput::malformed)));
        }
        return transitions;
    }

    /** {@code <Filter>} with one condition or an {@code <And>} of several; or the older {@code <Prefix>} of the rule. */
    private static LifecycleRule.Filter filter(S3XmlInput rule) {
        Optional<S3XmlInput> filter = rule.child("Filter");
        if (filter.isEmpty()) {
            return new LifecycleRule.Filter(rule.rawText("Prefix").orElse(""), Map.of(), Optional.empty(),
                    Optional.empty());
        }
        S3XmlInput conditions = filter.get().child("And").orElse(filter.get());
        Map<String, String> tags = new LinkedHashMap<>();
        for (S3XmlInput tag : conditions.children("Tag")) {
            tags.put(tag.rawText("Key").orElseThrow(S3XmlInput::malformed), tag.rawText("Value").orElse(""));
        }
        return new LifecycleRule.Filter(conditions.rawText("Prefix").orElse(""), tags,
                conditions.text("ObjectSizeGreaterThan").map(LifecycleActions::size),
                conditions.text("ObjectSizeLessThan").map(LifecycleActions::size));
    }

    private static void writeFilter(XmlWriter document, LifecycleRule.Filter filter) {
        int conditions = (filter.prefix().isEmpty() ? 0 : 1) + filter.tags().size()
                + (filter.sizeGreaterThan().isPresent() ? 1 : 0) + (filter.sizeLessThan().isPresent() ? 1 : 0);
        document.start("Filter");
        if (conditions > 1) {
            document.start("And");
        }
        if (!filter.prefix().isEmpty() || conditions == 0) {
            document.element("Prefix", filter.prefix());
        }
        filter.tags().forEach((key, value) -> document.start("Tag").element("Key", key).element("Value", value).end());
        filter.sizeGreaterThan().ifPresent(size -> document.element("ObjectSizeGreaterThan", size));
        filter.sizeLessThan().ifPresent(size -> document.element("ObjectSizeLessThan", size));
        if (conditions > 1) {
            document.end();
        }
        document.end();
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw S3XmlInput.malformed();
        }
    }

    private static long size(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw S3XmlInput.malformed();
        }
    }

    /** A date as S3 takes it: ISO 8601, midnight UTC (a date alone means that midnight). */
    private static Instant date(String text) {
        try {
            return text.contains("T") ? Instant.parse(text.strip())
                    : LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new AwsException("InvalidArgument", 400, "'Date' must be in ISO 8601 format");
        }
    }
}
