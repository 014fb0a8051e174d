package io.strongroom.iam.simulation;

import io.strongroom.core.AwsException;
import io.strongroom.iam.identity.IamErrors;
import io.strongroom.iam.identity.InputValidator;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a simulation's ContextEntries into the condition keys of its requests. Each value must read as its
 * declared type, in the forms the condition operators accept, so a typo fails the call instead of quietly
 * making a condition not match.
 */
final class ContextKeyValues {
    static final List<String> TYPES = List.of("string", "stringList", "numeric", "numericList", "boolean",
            "booleanList", "ip", "ipList", "binary", "binaryList", "date", "dateList");

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("-?[0-9]{1,15}");
    private static final List<Function<String, ?>> DATE_FORMS =
            List.of(Instant::parse, OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse);

    private ContextKeyValues() {
    }

    /** The model's constraints on each entry (ValidationError), before anything else is looked at. */
    static void checkShape(List<ContextEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            ContextEntry entry = entries.get(i);
            String field = "contextEntries." + (i + 1) + ".member.";
            entry.keyName().ifPresent(name -> InputValidator.length(field + "contextKeyName", name, 5, 256));
            entry.keyType().filter(type -> !TYPES.contains(type)).ifPresent(type -> {
                throw IamErrors.validation("1 validation error detected: Value '" + InputValidator.abbreviated(type)
                        + "' at '" + field + "contextKeyType' failed to satisfy constraint: Member must satisfy"
                        + " enum value set: [" + String.join(", ", TYPES) + "]");
            });
        }
    }

    /** The condition keys the entries supply, keyed as given; InvalidInput for an incomplete or mistyped entry. */
    static Map<String, List<String>> of(List<ContextEntry> entries) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ContextEntry entry : entries) {
            String name = entry.keyName().orElseThrow(() -> invalid("Each context entry needs a ContextKeyName."));
            String type = entry.keyType().orElseThrow(() -> invalid("The context entry " + shown(name)
                    + " needs a ContextKeyType."));
            if (entry.values().isEmpty()) {
                throw invalid("The context entry " + shown(name) + " needs at least one value in ContextKeyValues.");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw invalid("The context key " + shown(name) + " is given more than once.");
            }
            boolean list = type.endsWith("List");
            if (!list && entry.values().size() > 1) {
                throw invalid("The context key " + shown(name) + " of type " + type + " takes one value, not "
                        + entry.values().size() + ".");
            }
            String scalarType = list ? type.substring(0, type.length() - "List".length()) : type;
            List<String> values = new ArrayList<>(entry.values().size());
            for (String value : entry.values()) {
                if (!readsAs(scalarType, value)) {
                    throw invalid("The value " + shown(value) + " of the context key " + shown(name)
                            + " is not of type " + type + ".");
                }
                values.add(value);
            }
            keys.put(name, List.copyOf(values));
        }
        return keys;
    }

    private static boolean readsAs(String type, String value) {
        return switch (type) {
            case "string" -> true;
            case "numeric" -> value.length() <= 64 && DECIMAL.matcher(value).matches() && decimal(value);
            case "boolean" -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case "ip" -> ipAddress(value);
            case "binary" -> base64(value);
            case "date" -> date(value);
            default -> throw new IllegalArgumentException("unknown context key type " + type);
        };
    }

    private static boolean decimal(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An IPv4 or IPv6 address literal, never a host name (nothing here may reach DNS). */
    private static boolean ipAddress(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (value.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(value).matches()) {
            return false;
        }
        try {
            // Starting with a hex digit or a colon and holding a colon, the text is parsed as an IPv6
            // literal by the JDK and never resolved.
            InetAddress.getByName(value);
            return true;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean base64(String value) {
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The forms the Date operators read: epoch seconds or an ISO 8601 date or date-time. */
    private static boolean date(String value) {
        if (EPOCH_SECONDS.matcher(value).matches()) {
            return true;
        }
        for (Function<String, ?> parser : DATE_FORMS) {
            try {
                parser.apply(value);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    private static String shown(String value) {
        return InputValidator.abbreviated(value);
    }

    private static AwsException invalid(String message) {
        return IamErrors.invalidInput(message);
    }
}
