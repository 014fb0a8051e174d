package io.strongroom.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.s3.testing.InMemoryMultipartRepository;
import io.strongroom.s3.testing.InMemoryS3Repository;
import io.strongroom.s3.testing.InMemoryS3Transactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The S3 domain over in-memory fakes and iam's real authoriser, with helpers the feature tests share. */
final class S3Bench {
    final IamFixture iam = new IamFixture();
    final InMemoryS3Repository repository = new InMemoryS3Repository();
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final FixedDataKeys dataKeys = new FixedDataKeys();
    final S3Service s3 = new S3Service(repository, new InMemoryMultipartRepository(), blobs, dataKeys, new InMemoryS3Transactor(repository),
            iam.authorizer, iam.clock, "us-east-1");
    final CallContext admin = iam.admin;

    ObjectVersion put(String bucket, String key, String body) {
        return put(admin, bucket, key, body, Map.of());
    }

    ObjectVersion put(CallContext call, String bucket, String key, String body, Map<String, String> tags) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return s3.putObject(call, new PutObjectRequest(bucket, key, bytes.length, Map.of("Content-Type", "text/plain"),
                Map.of("origin", "test"), Optional.empty(), Optional.empty(), Optional::empty, tags, Optional.empty(),
                Optional.empty()), new ByteArrayInputStream(bytes));
    }

    String read(String bucket, String key, Optional<String> versionId) {
        try (ObjectContent content = s3.getObject(admin, bucket, key, versionId, Optional.empty())) {
            return new String(content.body().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertS3Error(ThrowingCallable call, String code, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }
}
