package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Put/Get/DeleteObjectTagging and Put/Get/DeleteBucketTagging. */
final class TaggingOperations {
    static final int MAX_OBJECT_TAGS = 10;
    static final int MAX_BUCKET_TAGS = 50;
    private static final String BUCKET_TAGS_KIND = "tagging";

    private final S3Repository repository;
    private final BucketOperations buckets;
    private final ObjectOperations objects;
    private final Transactor transactor;

    TaggingOperations(S3Repository repository, BucketOperations buckets, ObjectOperations objects,
                      Transactor transactor) {
        this.repository = requireNonNull(repository, "repository");
        this.buckets = requireNonNull(buckets, "buckets");
        this.objects = requireNonNull(objects, "objects");
        this.transactor = requireNonNull(transactor, "transactor");
    }

    /** Replaces a version's tags; returns the version tagged. */
    ObjectVersion putObjectTags(CallContext call, String bucket, String key, Optional<String> versionId,
                                Map<String, String> tags) {
        validateObjectTags(tags);
        ObjectVersion version = objects.readable(call, bucket, key, versionId, "s3:PutObjectTagging");
        return update(version.withTags(tags));
    }

    ObjectVersion objectTags(CallContext call, String bucket, String key, Optional<String> versionId) {
        return objects.readable(call, bucket, key, versionId, "s3:GetObjectTagging");
    }

    ObjectVersion deleteObjectTags(CallContext call, String bucket, String key, Optional<String> versionId) {
        ObjectVersion version = objects.readable(call, bucket, key, versionId, "s3:DeleteObjectTagging");
        return update(version.withTags(Map.of()));
    }

    void putBucketTags(CallContext call, String bucket, Map<String, String> tags) {
        buckets.authorized(call, bucket, "s3:PutBucketTagging");
        validate(tags);
        if (tags.size() > MAX_BUCKET_TAGS) {
            throw new AwsException("InvalidTag", 400, "Bucket tag count cannot be greater than 50");
        }
        StringBuilder document = new StringBuilder();
        tags.forEach((name, value) -> document.append(document.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        transactor.run(() -> {
            repository.findBucket(bucket).orElseThrow(S3Errors::noSuchBucket);
            repository.putConfig(S3Repository.bucketScope(bucket), BUCKET_TAGS_KIND, document.toString());
        });
    }

    /** The bucket's tags; NoSuchTagSet when it has none. */
    Map<String, String> bucketTags(CallContext call, String bucket) {
        buckets.authorized(call, bucket, "s3:GetBucketTagging");
        String document = repository.config(S3Repository.bucketScope(bucket), BUCKET_TAGS_KIND)
                .orElseThrow(() -> new AwsException("NoSuchTagSet", 404, "The TagSet does not exist"));
        Map<String, String> tags = new LinkedHashMap<>();
        if (!document.isEmpty()) {
            for (String pair : document.split("&")) {
                int at = pair.indexOf('=');
                tags.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return tags;
    }

    void deleteBucketTags(CallContext call, String bucket) {
        // S3 authorises DeleteBucketTagging with the s3:PutBucketTagging permission
        buckets.authorized(call, bucket, "s3:PutBucketTagging");
        repository.deleteConfig(S3Repository.bucketScope(bucket), BUCKET_TAGS_KIND);
    }

    private ObjectVersion update(ObjectVersion tagged) {
        boolean updated = transactor.inTransaction(() -> repository.updateVersion(tagged));
        if (!updated) {
            throw tagged.versionId().equals(ObjectVersion.NULL_VERSION) ? S3Errors.noSuchKey() : S3Errors.noSuchVersion();
        }
        return tagged;
    }

    /** Object tags as S3 checks them: at most ten, each key 1-128 characters and unique, values up to 256. */
    static void validateObjectTags(Map<String, String> tags) {
        validate(tags);
        if (tags.size() > MAX_OBJECT_TAGS) {
            throw new AwsException("BadRequest", 400, "Object tags cannot be greater than 10");
        }
    }

    private static void validate(Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String name = tag.getKey();
            if (name.isEmpty() || name.codePointCount(0, name.length()) > 128
                    || tag.getValue().codePointCount(0, tag.getValue().length()) > 256) {
                throw new AwsException("InvalidTag", 400, "The TagKey or TagValue you have provided is invalid");
            }
            if (name.startsWith("aws:")) {
                throw new AwsException("InvalidTag", 400, "System tags cannot be added/updated by requester");
            }
        }
    }
}
