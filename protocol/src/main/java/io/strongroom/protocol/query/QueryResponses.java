package io.strongroom.protocol.query;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiResponse;

/** Renders Query protocol responses and errors as XML documents in a service's namespace. */
public final class QueryResponses {
    /** What a client learns about a failure on our side: nothing internal. */
    static final String INTERNAL_FAILURE_MESSAGE = "The request processing has failed because of an unknown error.";

    private final QueryService service;

    public QueryResponses(QueryService service) {
        this.service = requireNonNull(service, "service");
    }

    /**
     * {@code <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata><RequestId>…}, without
     * the result element when the operation has none.
     */
    public ApiResponse success(String action, String requestId, QueryResult result) {
        XmlWriter xml = new XmlWriter(action + "Response", service.xmlNamespace());
        result.content().ifPresent(content -> {
            xml.start(action + "Result");
            content.accept(xml);
            xml.end();
        });
        xml.start("ResponseMetadata").element("RequestId", requestId).end();
        return ApiResponse.xml(200, xml.finish());
    }

    /**
     * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>} with
     * the error's status. A server-side failure never shows its own message: it may hold internals.
     */
    public ApiResponse error(String requestId, AwsException error) {
        boolean serverSide = !error.senderFault();
        XmlWriter xml = new XmlWriter("ErrorResponse", service.xmlNamespace());
        xml.start("Error")
                .element("Type", serverSide ? "Receiver" : "Sender")
                .element("Code", error.code())
                .element("Message", serverSide ? INTERNAL_FAILURE_MESSAGE : error.getMessage())
                .end();
        xml.element("RequestId", requestId);
        return ApiResponse.xml(error.httpStatus(), xml.finish());
    }
}
