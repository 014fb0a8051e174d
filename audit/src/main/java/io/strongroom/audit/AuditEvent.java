package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One API call as a CloudTrail record (event version {@value #EVENT_VERSION}, event type
 * {@value #EVENT_TYPE}): who called, what, from where, with which parameters, what came back or
 * which error. Every call leaves one, whatever its outcome, including calls that failed
 * authentication (their {@link UserIdentity} carries the claimed access-key id).
 *
 * <p>Build it with {@link #builder()}. Request parameters, response elements and additional event
 * data are value trees (see {@link CanonicalJson}); they are deep-copied and frozen. Secrets are
 * removed by {@link Redaction} before a record is chained, never by the caller.
 *
 * @param userIdentity        the caller
 * @param eventTime           when the call completed; kept to whole seconds, as CloudTrail writes it
 * @param eventSource         the service, for example {@code iam.amazonaws.com}
 * @param eventName           the operation, for example {@code CreateUser}
 * @param awsRegion           the region that served the call
 * @param sourceIPAddress     the caller's address
 * @param userAgent           the caller's User-Agent; null when it sent none
 * @param requestParameters   the operation's parameters; null when it has none
 * @param responseElements    what a changing operation returned; null otherwise
 * @param additionalEventData further details (for example the SigV4 version); null when none
 * @param errorCode           the AWS error code when the call failed; null when it succeeded
 * @param errorMessage        the error message when the call failed
 * @param requestId           the request id the response carried
 * @param eventId             a unique id of this record
 * @param readOnly            whether the operation only reads
 * @param resources           the resources the call touched (possibly none)
 * @param eventCategory       management or data event
 * @param recipientAccountId  the account the record belongs to
 * @param tlsDetails          the TLS session of the call; null over plain HTTP
 */
public record AuditEvent(
        UserIdentity userIdentity,
        Instant eventTime,
        String eventSource,
        String eventName,
        String awsRegion,
        String sourceIPAddress,
        String userAgent,
        Map<String, Object> requestParameters,
        Map<String, Object> responseElements,
        Map<String, Object> additionalEventData,
        String errorCode,
        String errorMessage,
        String requestId,
        String eventId,
        boolean readOnly,
        List<AuditResource> resources,
        EventCategory eventCategory,
        String recipientAccountId,
        TlsDetails tlsDetails) {

    public static final String EVENT_VERSION = "1.09";
    public static final String EVENT_TYPE = "AwsApiCall";
    /** The type of what a service did on its own (a scheduled key rotation or deletion). */
    public static final String SERVICE_EVENT_TYPE = "AwsServiceEvent";

    public AuditEvent {
        requireNonNull(userIdentity, "userIdentity");
        eventTime = requireNonNull(eventTime, "eventTime").truncatedTo(ChronoUnit.SECONDS);
        requireNonNull(eventSource, "eventSource");
        requireNonNull(eventName, "eventName");
        requireNonNull(awsRegion, "awsRegion");
        requireNonNull(sourceIPAddress, "sourceIPAddress");
        requestParameters = ValueTree.copyObject(requestParameters);
        responseElements = ValueTree.copyObject(responseElements);
        additionalEventData = ValueTree.copyObject(additionalEventData);
        requireNonNull(requestId, "requestId");
        requireNonNull(eventId, "eventId");
        resources = List.copyOf(resources);
        requireNonNull(eventCategory, "eventCategory");
        requireNonNull(recipientAccountId, "recipientAccountId");
        if (errorMessage != null && errorCode == null) {
            throw new IllegalArgumentException("an error message needs an error code");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** CloudTrail's {@code managementEvent}: true for management events. */
    public boolean managementEvent() {
        return eventCategory == EventCategory.MANAGEMENT;
    }

    /** The same event with other request parameters, response elements and additional data (redaction). */
    public AuditEvent withPayloads(Map<String, Object> newRequestParameters, Map<String, Object> newResponseElements,
                                   Map<String, Object> newAdditionalEventData) {
        return new AuditEvent(userIdentity, eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userAgent,
                newRequestParameters, newResponseElements, newAdditionalEventData, errorCode, errorMessage, requestId,
                eventId, readOnly, resources, eventCategory, recipientAccountId, tlsDetails);
    }

    /**
     * The record's canonical JSON (see {@link CanonicalJson}) with CloudTrail's field names: the text
     * that is stored, exported and hashed. {@code requestParameters} and {@code responseElements} are
     * always present (null when empty, as CloudTrail writes them); other optional fields appear only
     * when set. Written member by member in canonical order, as this runs on every call.
     */
    public String toCanonicalJson() {
        StringBuilder out = new StringBuilder(1024);
        CanonicalJson.OrderedObject json = new CanonicalJson.OrderedObject(out)
                .memberIfPresent("additionalEventData", additionalEventData)
                .member("awsRegion", awsRegion)
                .memberIfPresent("errorCode", errorCode)
                .memberIfPresent("errorMessage", errorMessage)
                .member("eventCategory", eventCategory.wireName())
                .member("eventID", eventId)
                .member("eventName", eventName)
                .member("eventSource", eventSource)
                .member("eventTime", formatTime(eventTime))
                .member("eventType", UserIdentity.AWS_SERVICE.equals(userIdentity.type()) ? SERVICE_EVENT_TYPE : EVENT_TYPE)
                .member("eventVersion", EVENT_VERSION)
                .member("managementEvent", managementEvent())
                .member("readOnly", readOnly)
                .member("recipientAccountId", recipientAccountId)
                .member("requestID", requestId)
                .member("requestParameters", requestParameters);
        if (!resources.isEmpty()) {
            StringBuilder list = json.name("resources").append('[');
            for (int i = 0; i < resources.size(); i++) {
                if (i > 0) {
                    list.append(',');
                }
                resources.get(i).writeCanonical(list);
            }
            list.append(']');
        }
        json.member("responseElements", responseElements)
                .member("sourceIPAddress", sourceIPAddress);
        if (tlsDetails != null) {
            tlsDetails.writeCanonical(json.name("tlsDetails"));
        }
        json.memberIfPresent("userAgent", userAgent);
        userIdentity.writeCanonical(json.name("userIdentity"));
        json.end();
        return out.toString();
    }

    /** CloudTrail's time format: UTC, whole seconds, {@code 2025-03-04T05:06:07Z}. */
    public static String formatTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Builds an {@link AuditEvent}; the event id defaults to a fresh time-ordered UUID ({@link EventIds}),
     * the category to management.
     */
    public static final class Builder {
        private UserIdentity userIdentity;
        private Instant eventTime;
        private String eventSource;
        private String eventName;
        private String awsRegion;
        private String sourceIPAddress;
        private String userAgent;
        private Map<String, ?> requestParameters;
        private Map<String, ?> responseElements;
        private Map<String, ?> additionalEventData;
        private String errorCode;
        private String errorMessage;
        private String requestId;
        private String eventId;
        private boolean readOnly;
        private final List<AuditResource> resources = new ArrayList<>();
        private EventCategory eventCategory = EventCategory.MANAGEMENT;
        private String recipientAccountId;
        private TlsDetails tlsDetails;

        private Builder() {
        }

        public Builder userIdentity(UserIdentity value) {
            this.userIdentity = value;
            return this;
        }

        public Builder eventTime(Instant value) {
            this.eventTime = value;
            return this;
        }

        public Builder eventSource(String value) {
            this.eventSource = value;
            return this;
        }

        public Builder eventName(String value) {
            this.eventName = value;
            return this;
        }

        public Builder awsRegion(String value) {
            this.awsRegion = value;
            return this;
        }

        public Builder sourceIPAddress(String value) {
            this.sourceIPAddress = value;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        public Builder requestParameters(Map<String, ?> value) {
            this.requestParameters = value;
            return this;
        }

        public Builder responseElements(Map<String, ?> value) {
            this.responseElements = value;
            return this;
        }

        public Builder additionalEventData(Map<String, ?> value) {
            this.additionalEventData = value;
            return this;
        }

        /** Marks the call as failed with an AWS error code and message. */
        public Builder error(String code, String message) {
            this.errorCode = code;
            this.errorMessage = message;
            return this;
        }

        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        public Builder eventId(String value) {
            this.eventId = value;
            return this;
        }

        public Builder readOnly(boolean value) {
            this.readOnly = value;
            return this;
        }

        public Builder resource(AuditResource value) {
            this.resources.add(value);
            return this;
        }

        public Builder eventCategory(EventCategory value) {
            this.eventCategory = value;
            return this;
        }

        public Builder recipientAccountId(String value) {
            this.recipientAccountId = value;
            return this;
        }

        public Builder tlsDetails(TlsDetails value) {
            this.tlsDetails = value;
            return this;
        }

        @SuppressWarnings("unchecked")
        public AuditEvent build() {
            return new AuditEvent(userIdentity, eventTime, eventSource, eventName, awsRegion, sourceIPAddress,
                    userAgent, (Map<String, Object>) requestParameters, (Map<String, Object>) responseElements,
                    (Map<String, Object>) additionalEventData, errorCode, errorMessage, requestId,
                    eventId != null ? eventId : EventIds.next(), readOnly, resources, eventCategory,
                    recipientAccountId, tlsDetails);
        }
    }
}
