package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The operation names a JSON service accepts and the operation behind each. Names are case-sensitive, as in AWS. */
public final class JsonOperationTable {
    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

    private final Map<String, JsonOperation> operations = new TreeMap<>();

    public JsonOperationTable add(String name, JsonOperation operation) {
        requireNonNull(name, "name");
        requireNonNull(operation, "operation");
        if (!OPERATION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an operation name: " + name);
        }
        if (operations.putIfAbsent(name, operation) != null) {
            throw new IllegalArgumentException("operation registered twice: " + name);
        }
        return this;
    }

    public Optional<JsonOperation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Set<String> operations() {
        return Collections.unmodifiableSet(operations.keySet());
    }
}
