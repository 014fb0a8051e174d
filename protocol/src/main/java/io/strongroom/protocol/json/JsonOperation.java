package io.strongroom.protocol.json;

import io.strongroom.iam.auth.CallContext;

/** One operation of a JSON service: reads its input document, calls the domain, describes the output. */
@FunctionalInterface
public interface JsonOperation {
    JsonResult execute(JsonInput input, CallContext call);
}
