package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where object bodies are: the normal blob store, or the archive store for versions of an archive
 * storage class ({@link StorageClasses#archived}). Moves between them copy the ciphertext as it is (it
 * is bound to bucket, key and version or upload part, never to a blob id), so no key is needed.
 */
final class ObjectBodies {
    private static final Logger LOG = Logger.getLogger(ObjectBodies.class.getName());

    private final BlobStore standard;
    private final BlobStore archive;
    private final MultipartRepository multipart;
    private final RestoreRepository restores;

    ObjectBodies(BlobStore standard, BlobStore archive, MultipartRepository multipart, RestoreRepository restores) {
        this.standard = requireNonNull(standard, "standard");
        this.archive = requireNonNull(archive, "archive");
        this.multipart = requireNonNull(multipart, "multipart");
        this.restores = requireNonNull(restores, "restores");
    }

    BlobStore standard() {
        return standard;
    }

    BlobStore archive() {
        return archive;
    }

    /** The store a version (or upload) of this storage class keeps its body in. */
    BlobStore of(String storageClass) {
        return StorageClasses.archived(storageClass) ? archive : standard;
    }

    /**
     * Copies a body (a single blob, or every part of one completed from parts) from one store into the
     * other. The copy is garbage until the caller commits an index entry naming it: with
     * {@link Copy#parts} recorded under {@link Copy#blobId} when there are parts.
     */
    Copy copy(String blobId, BlobStore from, BlobStore to) throws IOException {
        List<ObjectPart> parts = multipart.objectParts(blobId);
        if (parts.isEmpty()) {
            return new Copy(copyBlob(blobId, from, to), List.of());
        }
        List<ObjectPart> copied = new ArrayList<>();
        try {
            for (ObjectPart part : parts) {
                copied.add(new ObjectPart(part.partNumber(), part.uploadId(), part.size(),
                        copyBlob(part.blobId(), from, to)));
            }
        } catch (IOException | RuntimeException e) {
            copied.forEach(part -> deleteQuietly(to, part.blobId()));
            throw e;
        }
        return new Copy(copied.get(0).blobId(), List.copyOf(copied));
    }

    private static String copyBlob(String blobId, BlobStore from, BlobStore to) throws IOException {
        try (SeekableByteChannel source = from.open(blobId);
             InputStream in = Channels.newInputStream(source);
             BlobStore.BlobWriter writer = to.create()) {
            OutputStream out = writer.output();
            in.transferTo(out);
            out.flush();
            return writer.commit();
        }
    }

    /**
     * Deletes a body no index entry names any more from {@code store}: its parts and their record, or
     * its single blob. What cannot be deleted now is garbage that the start-up collection removes.
     */
    void delete(BlobStore store, String blobId) {
        List<ObjectPart> parts = multipart.objectParts(blobId);
        if (!parts.isEmpty()) {
            multipart.deleteObjectParts(blobId);
            parts.forEach(part -> deleteQuietly(store, part.blobId()));
            return;
        }
        deleteQuietly(store, blobId);
    }

    /** Deletes a copy that no index entry came to name. */
    void discard(BlobStore store, Copy copy) {
        if (copy.parts().isEmpty()) {
            deleteQuietly(store, copy.blobId());
        } else {
            copy.parts().forEach(part -> deleteQuietly(store, part.blobId()));
        }
    }

    /** A deleted or replaced version's body, and the restored copy of it if there is one. */
    void deleteBodyOf(ObjectVersion version) {
        if (version.blobId() == null) {
            return;
        }
        delete(of(version.storageClass()), version.blobId());
        if (StorageClasses.archived(version.storageClass())) {
            restores.findRestore(version.bucket(), version.key(), version.versionId())
                    .filter(restore -> restore.of(version))
                    .ifPresent(restore -> {
                        restores.deleteRestore(version.bucket(), version.key(), version.versionId());
                        restore.restoredBlobId().ifPresent(copy -> delete(standard, copy));
                    });
        }
    }

    static void deleteQuietly(BlobStore store, String blobId) {
        try {
            store.delete(blobId);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "An object body could not be deleted now; start-up collects it", e);
        }
    }

    /** A copied body: its blob id, and its parts when it was completed from parts (else empty). */
    record Copy(String blobId, List<ObjectPart> parts) {
    }
}
