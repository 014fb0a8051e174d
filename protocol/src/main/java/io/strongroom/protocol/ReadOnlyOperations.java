package io.strongroom.protocol;

import java.util.List;

/** AWS's naming of operations that only read. */
final class ReadOnlyOperations {
    private static final List<String> READ_PREFIXES = List.of("Get", "List", "Describe", "Lookup", "Simulate");

    private ReadOnlyOperations() {
    }

    static boolean byName(String operation) {
        for (String prefix : READ_PREFIXES) {
            if (operation.startsWith(prefix) && operation.length() > prefix.length()
                    && Character.isUpperCase(operation.charAt(prefix.length()))) {
                return true;
            }
        }
        return false;
    }
}
