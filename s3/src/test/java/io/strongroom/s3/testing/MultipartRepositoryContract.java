package io.strongroom.s3.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.s3.AclGrant;
import io.strongroom.s3.CannedAcl;
import io.strongroom.s3.MultipartRepository;
import io.strongroom.s3.MultipartUpload;
import io.strongroom.s3.ObjectChecksum;
import io.strongroom.s3.ObjectEncryption;
import io.strongroom.s3.ObjectPart;
import io.strongroom.s3.StoredAcl;
import io.strongroom.s3.UploadPart;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MultipartRepository} must show. An implementation's test extends this
 * class and opens an empty store in {@link #openEmpty()}. {@link ObjectEncryption} holds byte arrays,
 * which records compare by reference, so uploads are compared field by field.
 */
public abstract class MultipartRepositoryContract {
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.891Z");
    protected static final String BUCKET = "photos";
    protected static final String KMS_KEY_ARN =
            "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-0000-4000-8000-00000000000a";

    protected MultipartRepository repository;

    protected abstract MultipartRepository openEmpty() throws Exception;

    protected void close() throws Exception {
    }

    @BeforeEach
    public void open() throws Exception {
        repository = openEmpty();
    }

    @AfterEach
    public void closeStore() throws Exception {
        close();
    }

    /** An upload's ACL: its writer's account owns the object, and grants replace the canned ACL. */
    private static final StoredAcl ACL = new StoredAcl(Optional.of("444455556666"), CannedAcl.PRIVATE,
            Optional.of(List.of(AclGrant.toAccount("444455556666", "FULL_CONTROL"),
                    AclGrant.toGroup(AclGrant.LOG_DELIVERY, "READ_ACP"))));

    @Test
    public void anUploadReadsBackAsStoredAndGoesWithItsParts() {
        MultipartUpload upload = new MultipartUpload("u-1", BUCKET, "a/é.bin", T0, "111122223333",
                "arn:aws:iam::111122223333:user/alice", Map.of("Content-Type", "text/plain"),
                Map.of("owner", "team-a"), Map.of("t", "v"), "STANDARD",
                new ObjectEncryption(ObjectEncryption.Mode.SSE_KMS, KMS_KEY_ARN, false,
                        "wrapped".getBytes(StandardCharsets.UTF_8), null, null),
                Optional.of(ChecksumAlgorithm.CRC32C), true, ACL);
        repository.insertUpload(upload);

        MultipartUpload found = repository.findUpload("u-1").orElseThrow();
        assertThat(found.bucket()).isEqualTo(BUCKET);
        assertThat(found.key()).isEqualTo("a/é.bin");
        assertThat(found.initiated()).isEqualTo(T0);
        assertThat(found.ownerAccountId()).isEqualTo("111122223333");
        assertThat(found.initiatorArn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(found.headers()).isEqualTo(Map.of("Content-Type", "text/plain"));
        assertThat(found.userMetadata()).isEqualTo(Map.of("owner", "team-a"));
        assertThat(found.tags()).isEqualTo(Map.of("t", "v"));
        assertThat(found.storageClass()).isEqualTo("STANDARD");
        assertThat(found.encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_KMS);
        assertThat(found.encryption().kmsKeyArn()).isEqualTo(KMS_KEY_ARN);
        assertThat(found.encryption().wrappedDataKey()).isEqualTo("wrapped".getBytes(StandardCharsets.UTF_8));
        assertThat(found.checksumAlgorithm()).contains(ChecksumAlgorithm.CRC32C);
        assertThat(found.fullObjectChecksum()).isTrue();
        assertThat(found.acl()).isEqualTo(ACL);
        repository.insertUpload(upload("u-2", "b.bin", T0));
        assertThat(repository.findUpload("u-2").orElseThrow().fullObjectChecksum()).isFalse();
        assertThat(repository.findUpload("u-2").orElseThrow().acl()).isEqualTo(StoredAcl.PRIVATE);

        repository.putPart(part("u-1", 1, "b1"));
        assertThat(repository.deleteUpload("u-1")).isTrue();
        assertThat(repository.deleteUpload("u-1")).isFalse();
        assertThat(repository.findUpload("u-1")).isEmpty();
        assertThat(repository.listParts("u-1", 0, 10)).isEmpty();
        assertThat(repository.blobReferenced("b1")).isFalse();
    }

    @Test
    public void aPartReplacesOneWithTheSameNumberAndPartsListInOrder() {
        repository.insertUpload(upload("u-1", "k", T0));
        UploadPart first = new UploadPart("u-1", 2, T0, 5, "etag-2", Optional.of(new ObjectChecksum("CRC32",
                "AAAAAA==", "FULL_OBJECT")), "b2");
        assertThat(repository.putPart(first)).isEmpty();
        assertThat(repository.putPart(part("u-1", 10_000, "b3"))).isEmpty();
        assertThat(repository.putPart(part("u-1", 1, "b1"))).isEmpty();
        Optional<UploadPart> replaced = repository.putPart(part("u-1", 2, "b2-again"));

        assertThat(replaced).contains(first);
        assertThat(repository.listParts("u-1", 0, 10)).extracting(UploadPart::partNumber).containsExactly(1, 2, 10_000);
        assertThat(repository.listParts("u-1", 0, 10).get(1).blobId()).isEqualTo("b2-again");
        assertThat(repository.listParts("u-1", 1, 1)).extracting(UploadPart::partNumber).containsExactly(2);
        assertThat(repository.listParts("u-1", 2, 10)).extracting(UploadPart::partNumber).containsExactly(10_000);
        assertThat(repository.blobReferenced("b2-again")).isTrue();
        assertThat(repository.blobReferenced("b2")).isFalse();
        assertThat(repository.listParts("u-1", 0, 10).get(0)).isEqualTo(part("u-1", 1, "b1"));
    }

    @Test
    public void aPartOfNoUploadIsRefused() {
        assertThatThrownBy(() -> repository.putPart(part("nope", 1, "b"))).isInstanceOf(RuntimeException.class);
    }

    @Test
    public void uploadsListByKeyThenInitiationAndPageAfterAKeyAndUploadId() {
        repository.insertUpload(upload("u-z", "b", T0.plus(Duration.ofSeconds(2))));
        repository.insertUpload(upload("u-a", "b", T0.plus(Duration.ofSeconds(1))));
        repository.insertUpload(upload("u-m", "b", T0.plus(Duration.ofSeconds(3))));
        repository.insertUpload(upload("u-1", "a", T0));
        repository.insertUpload(upload("u-2", "c/d", T0));
        repository.insertUpload(upload("u-other", "b", T0, "other-bucket"));

        assertThat(ids(repository.listUploads(BUCKET, "", "", "", 10)))
                .containsExactly("u-1", "u-a", "u-z", "u-m", "u-2");
        assertThat(ids(repository.listUploads(BUCKET, "", "", "", 2))).containsExactly("u-1", "u-a");
        assertThat(ids(repository.listUploads(BUCKET, "", "a", "", 10))).containsExactly("u-a", "u-z", "u-m", "u-2");
        assertThat(ids(repository.listUploads(BUCKET, "", "b", "u-a", 10))).containsExactly("u-z", "u-m", "u-2");
        assertThat(ids(repository.listUploads(BUCKET, "", "b", "", 10))).containsExactly("u-2");
        assertThat(ids(repository.listUploads(BUCKET, "c/", "", "", 10))).containsExactly("u-2");
        assertThat(ids(repository.listUploads(BUCKET, "b", "", "", 10))).containsExactly("u-a", "u-z", "u-m");
    }

    @Test
    public void anObjectsPartsAreKeptUnderItsBlobUntilForgotten() {
        List<ObjectPart> parts = List.of(new ObjectPart(1, "u-1", 5_242_880, "p1"),
                new ObjectPart(3, "u-1", 7, "p3"));
        repository.putObjectParts("p1", parts);

        assertThat(repository.objectParts("p1")).isEqualTo(parts);
        assertThat(repository.objectParts("p3")).isEmpty();
        assertThat(repository.blobReferenced("p1")).isTrue();
        assertThat(repository.blobReferenced("p3")).isTrue();
        assertThat(repository.blobReferenced("p2")).isFalse();
        assertThat(repository.referencedBlobs(Set.of("p1", "p2", "p3"))).containsExactlyInAnyOrder("p1", "p3");
        assertThat(repository.referencedBlobs(Set.of())).isEmpty();
        assertThat(repository.deleteObjectParts("p1")).isTrue();
        assertThat(repository.deleteObjectParts("p1")).isFalse();
        assertThat(repository.objectParts("p1")).isEmpty();
        assertThat(repository.blobReferenced("p3")).isFalse();
    }

    private static List<String> ids(List<MultipartUpload> uploads) {
        return uploads.stream().map(MultipartUpload::uploadId).toList();
    }

    protected static MultipartUpload upload(String id, String key, Instant initiated) {
        return upload(id, key, initiated, BUCKET);
    }

    protected static MultipartUpload upload(String id, String key, Instant initiated, String bucket) {
        return new MultipartUpload(id, bucket, key, initiated, "111122223333", "arn:aws:iam::111122223333:root",
                Map.of(), Map.of(), Map.of(), "STANDARD", new ObjectEncryption(ObjectEncryption.Mode.SSE_S3, null,
                false, new byte[] {1, 2, 3}, null, null), Optional.empty());
    }

    protected static UploadPart part(String uploadId, int number, String blobId) {
        return new UploadPart(uploadId, number, T0, 5_242_880L + number, "etag-" + number, Optional.empty(), blobId);
    }
}
