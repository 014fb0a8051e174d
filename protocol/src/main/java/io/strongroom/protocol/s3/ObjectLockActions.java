package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.ObjectLock;
import io.strongroom.s3.ObjectLockConfiguration;
import io.strongroom.s3.ObjectLockRequest;
import io.strongroom.s3.ObjectRead;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.S3Errors;
import io.strongroom.s3.S3Service;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Put/GetObjectLockConfiguration, Put/GetObjectRetention and Put/GetObjectLegalHold, and the
 * x-amz-object-lock-* headers of writes and reads.
 */
final class ObjectLockActions {
    private final S3Service service;

    ObjectLockActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse putConfiguration(CallContext call, S3Target target, ApiRequest request) {
        S3XmlInput document = S3XmlInput.parse(ContentIntegrity.checkedBody(request), "ObjectLockConfiguration")
                .orElseThrow(S3XmlInput::malformed);
        if (!document.text("ObjectLockEnabled").filter("Enabled"::equals).isPresent()) {
            throw S3XmlInput.malformed();
        }
        Optional<ObjectLockConfiguration.DefaultRetention> rule = Optional.empty();
        Optional<S3XmlInput> ruleElement = document.child("Rule");
        if (ruleElement.isPresent()) {
            S3XmlInput retention = ruleElement.get().child("DefaultRetention").orElseThrow(S3XmlInput::malformed);
            ObjectLock.Mode mode = retention.text("Mode").flatMap(ObjectLockActions::mode)
                    .orElseThrow(S3XmlInput::malformed);
            Optional<Integer> days = retention.text("Days").map(ObjectLockActions::integer);
            Optional<Integer> years = retention.text("Years").map(ObjectLockActions::integer);
            if (days.isPresent() == years.isPresent()) {
                throw S3XmlInput.malformed(); // S3: a period of days or of years, never both
            }
            rule = Optional.of(new ObjectLockConfiguration.DefaultRetention(mode, days, years));
        }
        service.putObjectLockConfiguration(call, target.bucket().orElseThrow(), new ObjectLockConfiguration(rule));
        return S3Responses.empty(200, Map.of());
    }

    ApiResponse getConfiguration(CallContext call, S3Target target) {
        ObjectLockConfiguration configuration = service.objectLockConfiguration(call, target.bucket().orElseThrow());
        XmlWriter document = S3Responses.document("ObjectLockConfiguration").element("ObjectLockEnabled", "Enabled");
        configuration.defaultRetention().ifPresent(rule -> {
            document.start("Rule").start("DefaultRetention").element("Mode", rule.mode().name());
            rule.days().ifPresent(days -> document.element("Days", days));
            rule.years().ifPresent(years -> document.element("Years", years));
            document.end().end();
        });
        return S3Responses.xml(document);
    }

    ApiResponse putRetention(CallContext call, S3Target target, ApiRequest request) {
        S3XmlInput document = S3XmlInput.parse(ContentIntegrity.checkedBody(request), "Retention")
                .orElseThrow(S3XmlInput::malformed);
        Optional<String> modeText = document.text("Mode");
        Optional<String> dateText = document.text("RetainUntilDate");
        if (modeText.isPresent() != dateText.isPresent()) {
            throw S3XmlInput.malformed();
        }
        Optional<ObjectLock.Retention> retention = Optional.empty();
        if (modeText.isPresent()) {
            retention = Optional.of(new ObjectLock.Retention(mode(modeText.get()).orElseThrow(S3XmlInput::malformed),
                    date(dateText.get()).orElseThrow(S3XmlInput::malformed)));
        }
        service.putObjectRetention(call, target.bucket().orElseThrow(), target.key().orElseThrow(),
                target.parameter("versionId"), retention, bypassGovernance(request));
        return S3Responses.empty(200, Map.of());
    }

    ApiResponse getRetention(CallContext call, S3Target target) {
        ObjectLock.Retention retention = service.objectRetention(call, target.bucket().orElseThrow(),
                target.key().orElseThrow(), target.parameter("versionId"));
        return S3Responses.xml(S3Responses.document("Retention").element("Mode", retention.mode().name())
                .element("RetainUntilDate", S3Responses.timestamp(retention.retainUntil())));
    }

    ApiResponse putLegalHold(CallContext call, S3Target target, ApiRequest request) {
        S3XmlInput document = S3XmlInput.parse(ContentIntegrity.checkedBody(request), "LegalHold")
                .orElseThrow(S3XmlInput::malformed);
        boolean on = switch (document.text("Status").orElse("")) {
            case "ON" -> true;
            case "OFF" -> false;
            default -> throw S3XmlInput.malformed();
        };
        service.putObjectLegalHold(call, target.bucket().orElseThrow(), target.key().orElseThrow(),
                target.parameter("versionId"), on);
        return S3Responses.empty(200, Map.of());
    }

    ApiResponse getLegalHold(CallContext call, S3Target target) {
        boolean on = service.objectLegalHold(call, target.bucket().orElseThrow(), target.key().orElseThrow(),
                target.parameter("versionId"));
        return S3Responses.xml(S3Responses.document("LegalHold").element("Status", on ? "ON" : "OFF"));
    }

    // ---- headers of writes and reads

    /** The x-amz-object-lock-* headers of PutObject, CopyObject and CreateMultipartUpload, as S3 checks them. */
    static ObjectLockRequest lockRequest(ApiRequest request) {
        Optional<ObjectLock.Mode> mode = request.header("x-amz-object-lock-mode").map(value -> mode(value.strip())
                .orElseThrow(() -> S3Errors.invalidArgument("Unknown wormMode directive.")));
        Optional<Instant> until = request.header("x-amz-object-lock-retain-until-date").map(value ->
                date(value.strip()).orElseThrow(() -> S3Errors.invalidArgument(
                        "The retain until date must be provided in ISO 8601 format")));
        Optional<Boolean> legalHold = request.header("x-amz-object-lock-legal-hold").map(value -> switch (value.strip()) {
            case "ON" -> true;
            case "OFF" -> false;
            default -> throw S3Errors.invalidArgument("Legal Hold must be either of 'ON' or 'OFF'");
        });
        return new ObjectLockRequest(mode, until, legalHold);
    }

    static boolean bypassGovernance(ApiRequest request) {
        return request.header("x-amz-bypass-governance-retention")
                .map(value -> value.strip().toLowerCase(Locale.ROOT).equals("true")).orElse(false);
    }

    /** The lock headers of a GetObject or HeadObject answer, as far as the caller may see them. */
    void readHeaders(CallContext call, ObjectRead read, Map<String, String> headers) {
        if (!read.bucket().objectLockEnabled()) {
            return; // no version of a bucket without object lock is ever locked
        }
        ObjectLock lock = service.visibleObjectLock(call, read.version());
        lock.retention().ifPresent(retention -> {
            headers.put("x-amz-object-lock-mode", retention.mode().name());
            headers.put("x-amz-object-lock-retain-until-date", S3Responses.timestamp(retention.retainUntil()));
        });
        lock.legalHold().ifPresent(on -> headers.put("x-amz-object-lock-legal-hold", on ? "ON" : "OFF"));
    }

    private static Optional<ObjectLock.Mode> mode(String value) {
        return switch (value) {
            case "GOVERNANCE" -> Optional.of(ObjectLock.Mode.GOVERNANCE);
            case "COMPLIANCE" -> Optional.of(ObjectLock.Mode.COMPLIANCE);
            default -> Optional.empty();
        };
    }

    /** An ISO 8601 date-time with an offset (clients send UTC, with or without fractions). */
    private static Optional<Instant> date(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw S3XmlInput.malformed();
        }
    }
}
