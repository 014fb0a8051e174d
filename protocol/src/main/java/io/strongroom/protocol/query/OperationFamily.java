package io.strongroom.protocol.query;

/** A group of related operations (users, groups, roles…) that registers its Actions in a table. */
public interface OperationFamily {
    void registerInto(OperationTable table);
}
