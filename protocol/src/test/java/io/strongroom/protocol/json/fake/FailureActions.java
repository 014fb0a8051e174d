package io.strongroom.protocol.json.fake;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;

/** Operations that fail in the ways the protocol layer must contain. */
final class FailureActions implements JsonOperationFamily {
    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("Explode", (in, call) -> {
            throw new IllegalStateException("database password is hunter2");
        }).add("ExplodeWhileWriting", (in, call) -> JsonResult.of(out -> {
            out.string("Partial", "yes");
            throw new IllegalStateException("lost the connection to 10.0.0.7");
        })).add("FailOnOurSide", (in, call) -> {
            throw AwsException.internal("disk /dev/sda1 is full", null);
        }).add("ValidateInDomain", (in, call) -> {
            throw AwsException.validation("The domain refused the value");
        });
    }
}
