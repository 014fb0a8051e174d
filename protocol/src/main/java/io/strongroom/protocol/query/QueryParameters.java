package io.strongroom.protocol.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The parameters of an AWS Query request with typed accessors for the Query serialization of the
 * service model: scalars by name, lists as {@code Name.member.N}, structures inside lists as
 * {@code Name.member.N.Field} and maps as {@code Name.entry.N.key}/{@code .value}.
 *
 * <p>A nested structure is a view of the same parameters under a prefix, so every accessor works
 * at every level. Errors name the member as IAM does ({@code userName}, not {@code UserName}).
 */
public final class QueryParameters {
    /** No list in the IAM or STS models is longer than this; more is abuse, not a request. */
    static final int MAX_LIST_SIZE = 1000;

    private final Map<String, String> values;
    private final String prefix;

    private QueryParameters(Map<String, String> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    /** Parameters from decoded pairs; a name given twice is rejected, not silently resolved. */
    public static QueryParameters of(List<Map.Entry<String, String>> pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            if (values.putIfAbsent(pair.getKey(), pair.getValue()) != null) {
                throw QueryErrors.malformedQuery("a parameter appears more than once");
            }
        }
        return new QueryParameters(Collections.unmodifiableMap(values), "");
    }

    /** Convenience for tests and callers holding a plain map. */
    public static QueryParameters of(Map<String, String> values) {
        return of(new ArrayList<>(values.entrySet()));
    }

    /** Every parameter by its full name, as sent (for the audit record). */
    public Map<String, String> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(prefix + name);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(values.get(prefix + name));
    }

    public String requiredString(String name) {
        return string(name).orElseThrow(() -> QueryErrors.missingRequired(memberName(name)));
    }

    public Optional<Integer> integer(String name) {
        return string(name).map(text -> {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw QueryErrors.badType(memberName(name), text, "an integer");
            }
        });
    }

    public Optional<Boolean> bool(String name) {
        return string(name).map(text -> switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw QueryErrors.badType(memberName(name), text, "a boolean");
        });
    }

    /** ISO-8601 date-time with an offset ({@code 2026-01-01T00:00:00Z}), the Query timestamp format. */
    public Optional<Instant> timestamp(String name) {
        return string(name).map(text -> {
            try {
                return OffsetDateTime.parse(text.trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw QueryErrors.badType(memberName(name), text, "an ISO-8601 timestamp");
            }
        });
    }

    /** A list of strings {@code Name.member.1…n}; empty when absent or sent empty ({@code Name=}). */
    public List<String> stringList(String name) {
        List<String> list = new ArrayList<>();
        for (int index : listIndexes(name, "member")) {
            list.add(values.get(prefix + name + ".member." + index));
        }
        return List.copyOf(list);
    }

    public List<String> requiredStringList(String name) {
        requirePresent(name);
        return stringList(name);
    }

    /** A list of structures {@code Name.member.N.Field}, each as a view of its fields. */
    public List<QueryParameters> structureList(String name) {
        List<QueryParameters> list = new ArrayList<>();
        for (int index : listIndexes(name, "member")) {
            list.add(new QueryParameters(values, prefix + name + ".member." + index + "."));
        }
        return List.copyOf(list);
    }

    public List<QueryParameters> requiredStructureList(String name) {
        requirePresent(name);
        return structureList(name);
    }

    /** A map {@code Name.entry.N.key}/{@code Name.entry.N.value}, in index order. */
    public Map<String, String> map(String name, String keyName, String valueName) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int index : listIndexes(name, "entry")) {
            String entry = prefix + name + ".entry." + index + ".";
            String key = values.get(entry + keyName);
            if (key == null) {
                throw QueryErrors.missingRequired(memberName(name) + "." + index + ".member." + keyName);
            }
            map.put(key, values.getOrDefault(entry + valueName, ""));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The member name as IAM's validation messages spell it, with the list path for nested ones. */
    String memberName(String name) {
        String path = prefix.replace(".member.", ".");
        return lowerFirst(path) + lowerFirst(name);
    }

    /** Whether the member is present at all: as a scalar, an empty list ({@code Name=}) or any nested field. */
    public boolean isPresent(String name) {
        String full = prefix + name;
        return values.containsKey(full) || values.keySet().stream().anyMatch(key -> key.startsWith(full + "."));
    }

    private void requirePresent(String name) {
        if (!isPresent(name)) {
            throw QueryErrors.missingRequired(memberName(name));
        }
    }

    /**
     * The indexes {@code Name.<kind>.N…} present, which must be exactly 1..n: a gap or a
     * non-numeric index means the client and we would disagree about the list, so it is refused.
     */
    private List<Integer> listIndexes(String name, String kind) {
        String listPrefix = prefix + name + "." + kind + ".";
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String key : values.keySet()) {
            if (!key.startsWith(listPrefix)) {
                continue;
            }
            String rest = key.substring(listPrefix.length());
            int dot = rest.indexOf('.');
            String digits = dot < 0 ? rest : rest.substring(0, dot);
            indexes.add(parseIndex(name, digits));
        }
        if (indexes.size() > MAX_LIST_SIZE) {
            throw QueryErrors.badList(memberName(name), "Member must have length less than or equal to " + MAX_LIST_SIZE);
        }
        if (!indexes.isEmpty() && (indexes.first() != 1 || indexes.last() != indexes.size())) {
            throw QueryErrors.badList(memberName(name), "list indexes must run from 1 without gaps");
        }
        return List.copyOf(indexes);
    }

    private int parseIndex(String name, String digits) {
        // "01" and "1" would name the same member twice, so leading zeros are refused too.
        if (digits.isEmpty() || digits.length() > 4 || digits.charAt(0) == '0'
                || !digits.chars().allMatch(Character::isDigit)) {
            throw QueryErrors.badList(memberName(name), "list index '" + digits + "' is not a number from 1");
        }
        return Integer.parseInt(digits);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String toString() {
        // Parameters can carry secrets (policy documents are not, but future services may be): names only.
        return "QueryParameters" + values.keySet();
    }
}
