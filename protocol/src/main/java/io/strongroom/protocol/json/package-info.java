/**
 * The AWS JSON 1.1 protocol ({@code X-Amz-Target: <TargetPrefix>.<Operation>}, a JSON body),
 * spoken by AWS Organizations and KMS.
 *
 * <p>A service is a {@link io.strongroom.protocol.json.JsonServiceHandler} subclass given its
 * signing name, its {@link io.strongroom.protocol.json.JsonService} (target prefix and error
 * dialect) and its operation families. Each {@link io.strongroom.protocol.json.JsonOperationFamily}
 * registers operations into a {@link io.strongroom.protocol.json.JsonOperationTable}; an
 * operation reads its {@link io.strongroom.protocol.json.JsonInput}, calls the domain and answers
 * a {@link io.strongroom.protocol.json.JsonResult} written with a
 * {@link io.strongroom.protocol.json.JsonWriter}. Errors are {@link io.strongroom.core.AwsException}s
 * (or {@link io.strongroom.protocol.json.DetailedAwsException}s when the error shape has members
 * besides the message); the protocol renders them as {@code {"__type": …, "message": …}}.
 */
package io.strongroom.protocol.json;
