package io.strongroom.protocol.query;

import static java.util.Objects.requireNonNull;

import io.strongroom.protocol.DispatchingServiceHandler;
import java.util.List;

/**
 * A service spoken over the AWS Query protocol: its operation families are registered once into a
 * table and every request goes through a {@link QueryDispatcher}. Services differ only in their
 * signing name, their {@link QueryService} and their families.
 */
public abstract class QueryServiceHandler extends DispatchingServiceHandler {

    protected QueryServiceHandler(String signingName, QueryService service, List<? extends OperationFamily> families) {
        super(signingName, dispatcher(service, families));
    }

    private static QueryDispatcher dispatcher(QueryService service, List<? extends OperationFamily> families) {
        OperationTable table = new OperationTable();
        requireNonNull(families, "families").forEach(family -> family.registerInto(table));
        return new QueryDispatcher(requireNonNull(service, "service"), table);
    }
}
