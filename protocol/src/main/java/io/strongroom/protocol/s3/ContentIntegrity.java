package io.strongroom.protocol.s3;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.checksum.ChecksumDigest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The integrity S3 requires of some request bodies (DeleteObjects and the configuration PUTs, which
 * botocore marks requestChecksumRequired): a Content-MD5 or a flexible checksum, checked against the body.
 */
final class ContentIntegrity {
    private ContentIntegrity() {
    }

    /** The body, read up to S3's document bound, once its Content-MD5 or checksum held. */
    static byte[] checkedBody(ApiRequest request) {
        Optional<ChecksumAlgorithm> algorithm = ObjectActions.checksumAlgorithm(request);
        Optional<String> contentMd5 = request.header("Content-MD5");
        if (contentMd5.isEmpty() && algorithm.isEmpty()) {
            throw new AwsException("InvalidRequest", 400,
                    "Missing required header for this request: Content-MD5 OR x-amz-checksum-*");
        }
        PayloadTrailers trailers = PayloadTrailers.of(request.bodyStream());
        byte[] body = S3XmlInput.bounded(request);
        if (contentMd5.isPresent()) {
            requireMd5(contentMd5.get(), body);
        }
        if (algorithm.isPresent()) {
            ChecksumAlgorithm a = algorithm.get();
            Optional<String> expected = request.header(a.headerName()).or(() -> trailers.value(a.headerName()));
            ChecksumDigest digest = a.newDigest();
            digest.update(body);
            if (expected.isEmpty() || !digest.matches(expected.get())) {
                throw new AwsException("BadDigest", 400,
                        "The " + a.s3Name() + " you specified did not match the calculated checksum.");
            }
        }
        return body;
    }

    private static void requireMd5(String header, byte[] body) {
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            throw new AwsException("InvalidDigest", 400, "The Content-MD5 you specified was invalid.");
        }
        if (expected.length != 16) {
            throw new AwsException("InvalidDigest", 400, "The Content-MD5 you specified was invalid.");
        }
        try {
            if (!MessageDigest.isEqual(expected, MessageDigest.getInstance("MD5").digest(body))) {
                throw new AwsException("BadDigest", 400,
                        "The Content-MD5 you specified did not match what we received.");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
