package io.strongroom.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compiles a statement's Condition block; every fault is a {@link MalformedPolicyDocumentException}. */
final class ConditionParser {
    private static final String FOR_ALL = "ForAllValues:";
    private static final String FOR_ANY = "ForAnyValue:";
    private static final String IF_EXISTS = "IfExists";

    private final boolean variables;

    ConditionParser(boolean variables) {
        this.variables = variables;
    }

    ConditionClause[] parse(JsonNode block, String where) {
        if (!block.isObject()) {
            throw PolicyErrors.syntax("Condition in " + where + " must be an object of operators.");
        }
        List<ConditionClause> clauses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operatorEntry : block.properties()) {
            String operatorText = operatorEntry.getKey();
            JsonNode keys = operatorEntry.getValue();
            if (!keys.isObject() || keys.isEmpty()) {
                throw PolicyErrors.syntax("Condition operator " + operatorText + " in " + where
                        + " must map condition keys to values.");
            }
            for (Map.Entry<String, JsonNode> keyEntry : keys.properties()) {
                clauses.add(clause(operatorText, keyEntry.getKey(), keyEntry.getValue(), where));
            }
        }
        return clauses.toArray(ConditionClause[]::new);
    }

    private ConditionClause clause(String operatorText, String key, JsonNode valueNode, String where) {
        ConditionClause.SetQualifier qualifier = ConditionClause.SetQualifier.NONE;
        String name = operatorText;
        if (name.startsWith(FOR_ALL)) {
            qualifier = ConditionClause.SetQualifier.FOR_ALL_VALUES;
            name = name.substring(FOR_ALL.length());
        } else if (name.startsWith(FOR_ANY)) {
            qualifier = ConditionClause.SetQualifier.FOR_ANY_VALUE;
            name = name.substring(FOR_ANY.length());
        }
        boolean ifExists = false;
        ConditionOperator operator = ConditionOperator.byPolicyName(name);
        if (operator == null && name.endsWith(IF_EXISTS)) {
            operator = ConditionOperator.byPolicyName(name.substring(0, name.length() - IF_EXISTS.length()));
            ifExists = true;
        }
        if (operator == null || (ifExists && operator == ConditionOperator.NULL)
                || (qualifier != ConditionClause.SetQualifier.NONE && operator == ConditionOperator.NULL)) {
            throw PolicyErrors.of("Invalid Condition type : " + operatorText);
        }
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw PolicyErrors.of("Condition key " + key + " must be prefaced by a vendor, e.g. aws:, iam:, s3:.");
        }
        List<String> texts = values(valueNode, operatorText, key, where);
        // Interned: the evaluation's key memo (EvaluationContext) recognises a key by reference.
        String lowerKey = key.toLowerCase(Locale.ROOT).intern();
        if (operator == ConditionOperator.NULL) {
            String flag = texts.size() == 1 ? texts.getFirst() : "";
            if (!flag.equalsIgnoreCase("true") && !flag.equalsIgnoreCase("false")) {
                throw invalidValue(operatorText, key, String.join(",", texts), "true or false");
            }
            return new ConditionClause(operator, qualifier, false, key, lowerKey, null, flag.equalsIgnoreCase("true"));
        }
        ValueMatcher matcher = matcher(operator, operatorText, key, texts);
        return new ConditionClause(operator, qualifier, ifExists, key, lowerKey, matcher, false);
    }

    private ValueMatcher matcher(ConditionOperator operator, String operatorText, String key, List<String> texts) {
        boolean substitute = variables && operator.supportsVariables();
        return switch (operator.valueType()) {
            case STRING -> new StringValueMatcher(texts.stream().map(text -> switch (operator) {
                case STRING_LIKE, STRING_NOT_LIKE -> WildcardPattern.glob(text, substitute, false);
                case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
                        WildcardPattern.exact(text, substitute, true);
                default -> WildcardPattern.exact(text, substitute, false);
            }).toArray(WildcardPattern[]::new));
            case NUMERIC -> new NumericValueMatcher(operator, texts.stream().map(text -> {
                BigDecimal number = NumericValueMatcher.parse(text);
                if (number == null) {
                    throw invalidValue(operatorText, key, text, "a number");
                }
                return number;
            }).toArray(BigDecimal[]::new));
            case DATE -> new DateValueMatcher(operator, texts.stream().mapToLong(text -> {
                long millis = Timestamps.parseEpochMillis(text);
                if (millis == Timestamps.INVALID) {
                    throw invalidValue(operatorText, key, text, "an ISO 8601 date or epoch seconds");
                }
                return millis;
            }).toArray());
            case BOOLEAN -> new BoolValueMatcher(new StringValueMatcher(texts.stream().map(text -> {
                if (!text.contains("${") && !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw invalidValue(operatorText, key, text, "true or false");
                }
                return WildcardPattern.exact(text, substitute, true);
            }).toArray(WildcardPattern[]::new)));
            case BINARY -> new BinaryValueMatcher(texts.stream().map(text -> {
                byte[] bytes = BinaryValueMatcher.decode(text);
                if (bytes == null) {
                    throw invalidValue(operatorText, key, text, "base64");
                }
                return bytes;
            }).toArray(byte[][]::new));
            case IP_ADDRESS -> new IpValueMatcher(texts.stream().map(text -> {
                try {
                    return IpAddressRange.parse(text);
                } catch (IllegalArgumentException e) {
                    throw invalidValue(operatorText, key, text, "an IPv4 or IPv6 address or CIDR block");
                }
            }).toArray(IpAddressRange[]::new));
            case ARN -> new ArnValueMatcher(texts.stream()
                    .map(text -> ArnPattern.compile(text, substitute)).toArray(ArnPattern[]::new));
            case NULL_CHECK -> throw new IllegalStateException("Null has no value matcher");
        };
    }

    private static List<String> values(JsonNode node, String operator, String key, String where) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw PolicyErrors.syntax("Condition " + operator + " on " + key + " in " + where
                        + " has an empty list of values.");
            }
            node.forEach(element -> texts.add(scalar(element, operator, key, where)));
        } else {
            texts.add(scalar(node, operator, key, where));
        }
        return texts;
    }

    private static String scalar(JsonNode node, String operator, String key, String where) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.bigIntegerValue().toString()
                    : node.decimalValue().toPlainString();
        }
        if (node.isBoolean()) {
            return Boolean.toString(node.booleanValue());
        }
        throw PolicyErrors.syntax("Condition " + operator + " on " + key + " in " + where
                + " must have string, number or boolean values.");
    }

    private static MalformedPolicyDocumentException invalidValue(String operator, String key, String value,
                                                                 String expected) {
        return PolicyErrors.of("Invalid value " + value + " for condition " + operator + " on key " + key
                + ": expected " + expected + ".");
    }
}
