package io.strongroom.protocol.s3;

import io.strongroom.core.AwsException;
import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.kms.KmsException;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.ArchivedObjectException;
import io.strongroom.s3.DeleteMarkerException;
import io.strongroom.sigv4.SigV4Exception;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** S3's response conventions: its namespace, its timestamps, its error document. */
final class S3Responses {
    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final DateTimeFormatter XML_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private S3Responses() {
    }

    static XmlWriter document(String root) {
        return new XmlWriter(root, NAMESPACE);
    }

    static ApiResponse xml(XmlWriter document) {
        return new ApiResponse(200, Map.of("Content-Type", "application/xml"),
                (XML_DECLARATION + document.finish()).getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse empty(int status, Map<String, String> headers) {
        return new ApiResponse(status, headers, new byte[0]);
    }

    /** S3 timestamps in XML: ISO-8601 with milliseconds. */
    static String timestamp(Instant instant) {
        return XML_TIMESTAMP.format(instant);
    }

    /** Last-Modified and the like: RFC 1123. */
    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** The code S3 answers a failure with: its own for signature failures and denials. */
    static String code(AwsException error) {
        if (error instanceof SigV4Exception signature) {
            return signature.s3Code();
        }
        if (error instanceof AccessDeniedException) {
            return "AccessDenied";
        }
        if (error instanceof KmsException) {
            return "KMS." + error.code(); // S3 names the key service's refusals so
        }
        return switch (error.code()) {
            case "InvalidClientTokenId" -> "InvalidAccessKeyId";
            case "ExpiredToken" -> "ExpiredToken";
            case "InternalFailure" -> "InternalError";
            case "MissingAuthenticationToken" -> "AccessDenied";
            default -> error.code();
        };
    }

    static int status(AwsException error) {
        if (error instanceof SigV4Exception signature) {
            return signature.s3HttpStatus();
        }
        return switch (code(error)) {
            case "InvalidAccessKeyId", "AccessDenied" -> 403;
            case "ExpiredToken" -> 400;
            default -> error.httpStatus();
        };
    }

    /** {@code <Error><Code/><Message/><Resource/><RequestId/></Error>}; a HEAD answer has no body. */
    static ApiResponse error(AwsException error, String resource, String requestId, boolean head) {
        int status = status(error);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (error instanceof DeleteMarkerException marker) {
            headers.put("x-amz-delete-marker", "true");
            headers.put("x-amz-version-id", marker.versionId());
            headers.put("Last-Modified", httpDate(marker.lastModified()));
        }
        if (head) {
            return new ApiResponse(status, headers, new byte[0]);
        }
        headers.put("Content-Type", "application/xml");
        XmlWriter document = new XmlWriter("Error")
                .element("Code", code(error))
                .element("Message", error.getMessage() == null ? "" : error.getMessage());
        if (error instanceof ArchivedObjectException archived) {
            document.element("StorageClass", archived.storageClass());
        }
        document.element("Resource", resource)
                .element("RequestId", requestId);
        return new ApiResponse(status, headers, (XML_DECLARATION + document.finish()).getBytes(StandardCharsets.UTF_8));
    }
}
