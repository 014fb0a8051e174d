package io.strongroom.protocol.json.fake;

import io.strongroom.protocol.json.Constraint;
import io.strongroom.protocol.json.JsonService;
import io.strongroom.protocol.json.JsonServiceHandler;
import io.strongroom.protocol.json.ValidationErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small fake AWS JSON 1.1 service for the protocol's tests, in two dialects: the common one
 * ({@code ValidationException}, {@code message}) and the Organizations one
 * ({@code InvalidInputException} with a {@code Reason}, {@code Message}, {@code ServiceException}).
 */
public final class WidgetHandler extends JsonServiceHandler {
    public static final String SIGNING_NAME = "widgets";
    public static final String TARGET_PREFIX = "WidgetServiceV20260101";

    /** The dialect of most JSON services (KMS among them). */
    public static final JsonService COMMON_DIALECT = JsonService.builder(TARGET_PREFIX).build();

    /** The dialect of AWS Organizations. */
    public static final JsonService ORGANIZATIONS_DIALECT = JsonService.builder(TARGET_PREFIX)
            .messageMember("Message")
            .internalFailureCode("ServiceException")
            .validationErrors(ValidationErrors.withReason("InvalidInputException", WidgetHandler::reason))
            .errorMembers(error -> error instanceof WidgetQuotaException quota
                    ? Map.of("Reason", quota.reason()) : Map.of())
            .build();

    public WidgetHandler(JsonService service) {
        super(SIGNING_NAME, service, List.of(new WidgetActions(new WidgetStore()), new FailureActions()));
    }

    /** Organizations' InvalidInputException reasons for each kind of violation. */
    static Optional<String> reason(Constraint constraint) {
        return Optional.ofNullable(switch (constraint) {
            case REQUIRED -> "INPUT_REQUIRED";
            case ENUM -> "INVALID_ENUM";
            case MIN_LENGTH -> "MIN_LENGTH_EXCEEDED";
            case MAX_LENGTH -> "MAX_LENGTH_EXCEEDED";
            case PATTERN -> "INVALID_PATTERN";
            case MIN_VALUE -> "MIN_VALUE_EXCEEDED";
            case MAX_VALUE -> "MAX_VALUE_EXCEEDED";
            case UNSUPPORTED, INVALID_VALUE -> null;
        });
    }
}
