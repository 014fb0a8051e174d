package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon S3 as plain Java: buckets and objects, every body encrypted at rest in segments under a data
 * key of its own. One method per operation; failures are AwsExceptions with S3's codes, or IAM's
 * AccessDeniedException.
 */
public final class S3Service {
    public static final int MAX_KEYS = 1000;

    private final S3Repository repository;
    private final MultipartRepository multipartRepository;
    private final BlobStore blobs;
    private final BucketOperations buckets;
    private final ObjectOperations objects;
    private final ObjectListing listing;
    private final MultipartOperations multipart;

    public S3Service(S3Repository repository, MultipartRepository multipartRepository, BlobStore blobs,
                     DataKeyProvider dataKeys, Transactor transactor, AccessAuthorizer authorizer, Clock clock,
                     String region) {
        this.repository = requireNonNull(repository, "repository");
        this.multipartRepository = requireNonNull(multipartRepository, "multipartRepository");
        this.blobs = requireNonNull(blobs, "blobs");
        this.buckets = new BucketOperations(repository, authorizer, transactor, clock, region);
        this.objects = new ObjectOperations(repository, multipartRepository, blobs, dataKeys, authorizer, transactor,
                clock);
        this.listing = new ObjectListing(repository);
        this.multipart = new MultipartOperations(repository, multipartRepository, blobs, dataKeys, authorizer,
                transactor, clock, objects);
    }

    /**
     * Removes what interrupted writes left: unfinished blobs, and committed blobs no version names (a
     * crash between a body's commit and its index entry's). Run at start, before requests are served:
     * a blob of a PUT still in flight on this node would otherwise look like garbage.
     *
     * @return how many blobs and unfinished writes were removed
     */
    public int collectGarbage() throws IOException {
        int removed = blobs.collectAbandonedWrites();
        List<String> unreferenced = new ArrayList<>();
        blobs.forEachBlob(blobId -> {
            if (!repository.blobReferenced(blobId) && !multipartRepository.blobReferenced(blobId)) {
                unreferenced.add(blobId);
            }
        });
        for (String blobId : unreferenced) {
            blobs.delete(blobId);
        }
        return removed + unreferenced.size();
    }

    // ---- buckets

    public Bucket createBucket(CallContext call, String name, Optional<String> locationConstraint, boolean objectLock) {
        return buckets.create(call, name, locationConstraint, objectLock);
    }

    public Bucket headBucket(CallContext call, String name) {
        return buckets.head(call, name);
    }

    public void deleteBucket(CallContext call, String name) {
        buckets.delete(call, name);
        multipart.abortAllOf(name);
    }

    public List<Bucket> listBuckets(CallContext call) {
        return buckets.list(call);
    }

    /** The bucket's location constraint as GetBucketLocation answers it (empty for us-east-1). */
    public String bucketLocation(CallContext call, String name) {
        return buckets.location(call, name);
    }

    // ---- objects

    public ObjectVersion putObject(CallContext call, PutObjectRequest request, InputStream body) {
        return objects.put(call, request, body);
    }

    public ObjectContent getObject(CallContext call, String bucket, String key, Optional<String> versionId,
                                   Optional<ByteRange> range) {
        return objects.get(call, bucket, key, versionId, range);
    }

    public ObjectVersion headObject(CallContext call, String bucket, String key, Optional<String> versionId) {
        return objects.head(call, bucket, key, versionId);
    }

    public DeletedObject deleteObject(CallContext call, String bucket, String key, Optional<String> versionId) {
        ObjectOperations.DeleteResult result = objects.delete(call, bucket, key, versionId);
        return new DeletedObject(result.versionId(), result.deleteMarker());
    }

    /**
     * ListObjects and ListObjectsV2: the latest versions under {@code prefix} after {@code after}.
     *
     * @param delimiter empty for none
     * @param maxKeys   at most {@link #MAX_KEYS}
     */
    public ObjectList listObjects(CallContext call, String bucket, String prefix, String delimiter, String after,
                                  int maxKeys) {
        buckets.authorized(call, bucket, "s3:ListBucket", Map.of("s3:prefix", List.of(prefix),
                "s3:delimiter", List.of(delimiter), "s3:max-keys", List.of(Integer.toString(maxKeys))));
        ObjectListing.ListPage page = listing.list(bucket, prefix, delimiter, after, Math.min(maxKeys, MAX_KEYS));
        return new ObjectList(page.contents(), page.commonPrefixes(), page.truncated(), page.lastEntry());
    }

    // ---- multipart uploads

    public MultipartUpload createMultipartUpload(CallContext call, CreateMultipartUploadRequest request) {
        return multipart.create(call, request);
    }

    public MultipartOperations.UploadedPart uploadPart(CallContext call, UploadPartRequest request, InputStream body) {
        return multipart.uploadPart(call, request, body);
    }

    public ObjectVersion completeMultipartUpload(CallContext call, String bucket, String key, String uploadId,
                                                 List<CompletedPart> parts) {
        return multipart.complete(call, bucket, key, uploadId, parts);
    }

    public void abortMultipartUpload(CallContext call, String bucket, String key, String uploadId) {
        multipart.abort(call, bucket, key, uploadId);
    }

    public MultipartOperations.PartList listParts(CallContext call, String bucket, String key, String uploadId,
                                                  int afterPartNumber, int maxParts) {
        return multipart.listParts(call, bucket, key, uploadId, afterPartNumber, maxParts);
    }

    /** ListMultipartUploads; {@code delimiter}, {@code keyMarker} and {@code uploadIdMarker} empty for none. */
    public MultipartOperations.UploadList listMultipartUploads(CallContext call, String bucket, String prefix,
                                                               String delimiter, String keyMarker,
                                                               String uploadIdMarker, int maxUploads) {
        Bucket found = buckets.authorized(call, bucket, "s3:ListBucketMultipartUploads", Map.of());
        return multipart.listUploads(found, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
    }

    /** Where part {@code partNumber} of a version read by HeadObject is, for GetObject by part number. */
    public MultipartOperations.PartRange partRange(ObjectVersion version, int partNumber) {
        return multipart.partRange(version, partNumber);
    }

    /** What DeleteObject reports. */
    public record DeletedObject(Optional<String> versionId, boolean deleteMarker) {
    }

    /**
     * A page of a listing.
     *
     * @param lastEntry the last key or common prefix of the page; the next page starts after it
     */
    public record ObjectList(List<ObjectVersion> contents, List<String> commonPrefixes, boolean truncated,
                             String lastEntry) {
    }
}
