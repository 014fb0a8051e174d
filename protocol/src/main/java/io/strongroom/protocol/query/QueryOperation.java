package io.strongroom.protocol.query;

import io.strongroom.iam.auth.CallContext;

/** One operation of a Query service: reads its parameters, calls the domain, describes the result. */
@FunctionalInterface
public interface QueryOperation {
    QueryResult execute(QueryParameters parameters, CallContext call);
}
