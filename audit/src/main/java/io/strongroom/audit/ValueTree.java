package io.strongroom.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The neutral value model of request parameters and response elements: {@code null}, String, Long,
 * Boolean, List and Map with string keys. Copies are deep and unmodifiable, so a record cannot
 * change after it was built; smaller integer types become Long.
 */
final class ValueTree {
    private ValueTree() {
    }

    /** A deep, unmodifiable copy of an object tree; null stays null. */
    static Map<String, Object> copyObject(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        return copyMap(map, 0);
    }

    static Object copy(Object value, int depth) {
        if (depth > CanonicalJson.MAX_DEPTH) {
            throw new IllegalArgumentException("value nests deeper than " + CanonicalJson.MAX_DEPTH);
        }
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean bool -> bool;
            case Long number -> checkedInteger(number);
            case Integer number -> (long) number;
            case Short number -> (long) number;
            case Byte number -> (long) number;
            case Map<?, ?> map -> copyMap(map, depth);
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                for (Object item : list) {
                    copy.add(copy(item, depth + 1));
                }
                yield Collections.unmodifiableList(copy);
            }
            default -> throw new IllegalArgumentException(
                    "audit values are strings, integers, booleans, lists and maps, not " + value.getClass().getName());
        };
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, int depth) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                throw new IllegalArgumentException("audit map keys are strings, not " + entry.getKey());
            }
            copy.put(name, copy(entry.getValue(), depth + 1));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Long checkedInteger(long number) {
        if (number > CanonicalJson.MAX_SAFE_INTEGER || number < -CanonicalJson.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer " + number + " is outside +-(2^53 - 1)");
        }
        return number;
    }
}
