package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import io.strongroom.protocol.DispatchingServiceHandler;
import java.util.List;

/**
 * A service spoken over the AWS JSON 1.1 protocol: its operation families are registered once
 * into a table and every request goes through a {@link JsonDispatcher}. Services differ only in
 * their signing name, their {@link JsonService} and their families.
 */
public abstract class JsonServiceHandler extends DispatchingServiceHandler {

    protected JsonServiceHandler(String signingName, JsonService service, List<? extends JsonOperationFamily> families) {
        super(signingName, dispatcher(service, families));
    }

    private static JsonDispatcher dispatcher(JsonService service, List<? extends JsonOperationFamily> families) {
        JsonOperationTable table = new JsonOperationTable();
        requireNonNull(families, "families").forEach(family -> family.registerInto(table));
        return new JsonDispatcher(requireNonNull(service, "service"), table);
    }
}
