package io.strongroom.s3.testing;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.MultipartRepository;
import io.strongroom.s3.MultipartUpload;
import io.strongroom.s3.ObjectPart;
import io.strongroom.s3.UploadPart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * The {@link MultipartRepository} contract over maps, for tests; {@link #snapshot()} and
 * {@link #restore} let {@link InMemoryS3Transactor} roll it back with the object index.
 */
public final class InMemoryMultipartRepository implements MultipartRepository {
    private static final Comparator<MultipartUpload> LISTED = Comparator
            .comparing(MultipartUpload::key, InMemoryS3Repository.UTF8_ORDER)
            .thenComparing(MultipartUpload::initiated)
            .thenComparing(MultipartUpload::uploadId);

    private static final class State {
        Map<String, MultipartUpload> uploads = new HashMap<>();
        Map<String, TreeMap<Integer, UploadPart>> parts = new HashMap<>();
        Map<String, List<ObjectPart>> objectParts = new HashMap<>();

        State copy() {
            State copy = new State();
            copy.uploads = new HashMap<>(uploads);
            parts.forEach((id, byNumber) -> copy.parts.put(id, new TreeMap<>(byNumber)));
            copy.objectParts = new HashMap<>(objectParts);
            return copy;
        }
    }

    private State state = new State();

    public synchronized Object snapshot() {
        return state.copy();
    }

    public synchronized void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }

    @Override
    public synchronized void insertUpload(MultipartUpload upload) {
        requireNonNull(upload, "upload");
        if (state.uploads.putIfAbsent(upload.uploadId(), upload) != null) {
            throw new IllegalArgumentException("upload " + upload.uploadId() + " exists");
        }
        state.parts.put(upload.uploadId(), new TreeMap<>());
    }

    @Override
    public synchronized Optional<MultipartUpload> findUpload(String uploadId) {
        return Optional.ofNullable(state.uploads.get(requireNonNull(uploadId, "uploadId")));
    }

    @Override
    public synchronized boolean deleteUpload(String uploadId) {
        requireNonNull(uploadId, "uploadId");
        state.parts.remove(uploadId);
        return state.uploads.remove(uploadId) != null;
    }

    @Override
    public synchronized List<MultipartUpload> listUploads(String bucket, String prefix, String afterKey,
                                                          String afterUploadId, int limit) {
        requireNonNull(bucket, "bucket");
        requireNonNull(prefix, "prefix");
        requireNonNull(afterKey, "afterKey");
        requireNonNull(afterUploadId, "afterUploadId");
        MultipartUpload marker = afterUploadId.isEmpty() ? null : state.uploads.get(afterUploadId);
        if (marker != null && !marker.key().equals(afterKey)) {
            marker = null;
        }
        MultipartUpload after = marker;
        return state.uploads.values().stream()
                .filter(u -> u.bucket().equals(bucket) && u.key().startsWith(prefix))
                .filter(u -> afterKey.isEmpty()
                        || InMemoryS3Repository.UTF8_ORDER.compare(u.key(), afterKey) > 0
                        || (after != null && LISTED.compare(u, after) > 0))
                .sorted(LISTED).limit(Math.max(limit, 0)).toList();
    }

    @Override
    public synchronized Optional<UploadPart> putPart(UploadPart part) {
        requireNonNull(part, "part");
        TreeMap<Integer, UploadPart> parts = state.parts.get(part.uploadId());
        if (parts == null) {
            throw new IllegalArgumentException("no upload " + part.uploadId());
        }
        return Optional.ofNullable(parts.put(part.partNumber(), part));
    }

    @Override
    public synchronized List<UploadPart> listParts(String uploadId, int afterPartNumber, int limit) {
        TreeMap<Integer, UploadPart> parts = state.parts.get(requireNonNull(uploadId, "uploadId"));
        if (parts == null) {
            return List.of();
        }
        return parts.tailMap(afterPartNumber, false).values().stream().limit(Math.max(limit, 0)).toList();
    }

    @Override
    public synchronized void putObjectParts(String objectBlobId, List<ObjectPart> parts) {
        requireNonNull(objectBlobId, "objectBlobId");
        List<ObjectPart> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(ObjectPart::partNumber));
        state.objectParts.put(objectBlobId, List.copyOf(sorted));
    }

    @Override
    public synchronized List<ObjectPart> objectParts(String objectBlobId) {
        return state.objectParts.getOrDefault(requireNonNull(objectBlobId, "objectBlobId"), List.of());
    }

    @Override
    public synchronized boolean deleteObjectParts(String objectBlobId) {
        return state.objectParts.remove(requireNonNull(objectBlobId, "objectBlobId")) != null;
    }

    @Override
    public synchronized Set<String> referencedBlobs(Set<String> blobIds) {
        requireNonNull(blobIds, "blobIds");
        return Stream.concat(
                        state.parts.values().stream().flatMap(p -> p.values().stream()).map(UploadPart::blobId),
                        state.objectParts.values().stream().flatMap(List::stream).map(ObjectPart::blobId))
                .filter(blobIds::contains).collect(Collectors.toSet());
    }
}
