package io.strongroom.protocol.json;

/** A group of related operations (accounts, organizational units, policies…) that registers them in a table. */
public interface JsonOperationFamily {
    void registerInto(JsonOperationTable table);
}
