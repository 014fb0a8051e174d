package io.strongroom.protocol.query;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The Action names a service accepts and the operation behind each. Action names are case-sensitive, as in AWS. */
public final class OperationTable {
    private final Map<String, QueryOperation> operations = new TreeMap<>();

    public OperationTable add(String action, QueryOperation operation) {
        requireNonNull(action, "action");
        requireNonNull(operation, "operation");
        if (operations.putIfAbsent(action, operation) != null) {
            throw new IllegalArgumentException("operation registered twice: " + action);
        }
        return this;
    }

    public Optional<QueryOperation> find(String action) {
        return Optional.ofNullable(operations.get(action));
    }

    public Set<String> actions() {
        return Collections.unmodifiableSet(operations.keySet());
    }
}
