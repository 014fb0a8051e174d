package io.strongroom.protocol.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.query.XmlWriter;
import io.strongroom.s3.Bucket;
import io.strongroom.s3.ObjectOwnership;
import io.strongroom.s3.S3Service;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ListBuckets, CreateBucket, HeadBucket, DeleteBucket and GetBucketLocation. */
final class BucketActions {
    private final S3Service service;

    BucketActions(S3Service service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse list(CallContext call) {
        List<Bucket> buckets = service.listBuckets(call);
        XmlWriter document = S3Responses.document("ListAllMyBucketsResult")
                .start("Owner").element("ID", call.principal().accountId()).end()
                .start("Buckets");
        for (Bucket bucket : buckets) {
            document.start("Bucket")
                    .element("Name", bucket.name())
                    .element("CreationDate", S3Responses.timestamp(bucket.created()))
                    .element("BucketRegion", bucket.region())
                    .end();
        }
        return S3Responses.xml(document.end());
    }

    ApiResponse create(CallContext call, S3Target target, ApiRequest request) {
        Optional<String> constraint = S3XmlInput.read(request, "CreateBucketConfiguration")
                .flatMap(configuration -> configuration.text("LocationConstraint"));
        boolean objectLock = request.header("x-amz-bucket-object-lock-enabled")
                .map(value -> value.strip().toLowerCase(Locale.ROOT).equals("true")).orElse(false);
        Optional<ObjectOwnership> ownership = request.header("x-amz-object-ownership").map(String::strip)
                .map(value -> ObjectOwnership.of(value).orElseThrow(() -> new AwsException("InvalidArgument", 400,
                        "Invalid x-amz-object-ownership header: " + value)));
        Bucket bucket = service.createBucket(call, target.bucket().orElseThrow(), constraint, objectLock, ownership,
                AclActions.requested(request));
        return S3Responses.empty(200, Map.of("Location", "/" + bucket.name()));
    }

    ApiResponse head(CallContext call, S3Target target) {
        Bucket bucket = service.headBucket(call, target.bucket().orElseThrow());
        return S3Responses.empty(200, Map.of("x-amz-bucket-region", bucket.region(), "Content-Length", "0"));
    }

    ApiResponse delete(CallContext call, S3Target target) {
        service.deleteBucket(call, target.bucket().orElseThrow());
        return S3Responses.empty(204, Map.of());
    }

    ApiResponse location(CallContext call, S3Target target) {
        String location = service.bucketLocation(call, target.bucket().orElseThrow());
        return S3Responses.xml(S3Responses.document("LocationConstraint").text(location));
    }
}
