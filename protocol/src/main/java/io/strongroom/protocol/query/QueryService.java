package io.strongroom.protocol.query;

import static java.util.Objects.requireNonNull;

/**
 * What distinguishes one Query service from another on the wire.
 *
 * @param apiVersion          the only {@code Version} accepted, e.g. {@code 2010-05-08}
 * @param xmlNamespace        the default namespace of responses and errors
 * @param internalFailureCode the code for unexpected failures ({@code ServiceFailure} in IAM,
 *                            {@code InternalFailure} elsewhere)
 */
public record QueryService(String apiVersion, String xmlNamespace, String internalFailureCode) {
    public QueryService {
        requireNonNull(apiVersion, "apiVersion");
        requireNonNull(xmlNamespace, "xmlNamespace");
        requireNonNull(internalFailureCode, "internalFailureCode");
    }
}
