package io.strongroom.bench.kms;

import io.strongroom.iam.bootstrap.AdminCredentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * The HTTP side: one AWS SDK {@link KmsClient} per load thread, each on its own Apache connection
 * pool (so 32 clients are 32 keep-alive connections), signing as the bootstrap administrator. Retries
 * are off: a failure is counted, not hidden in a longer latency. Counts every KMS call it sends, so
 * the audit trail can be checked against it.
 */
final class SdkLoad implements AutoCloseable {
    private final List<SdkHttpClient> httpClients;
    private final List<KmsClient> clients;
    private final LongAdder generateDataKeySent = new LongAdder();
    private final LongAdder decryptSent = new LongAdder();

    /** Calls sent so far, by operation. */
    record Calls(long generateDataKey, long decrypt) {
    }

    private SdkLoad(List<SdkHttpClient> httpClients, List<KmsClient> clients) {
        this.httpClients = httpClients;
        this.clients = clients;
    }

    static SdkLoad connect(URI endpoint, String region, AdminCredentials admin, int threads) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(admin.accessKeyId(), admin.secretAccessKey()));
        List<SdkHttpClient> httpClients = new ArrayList<>();
        List<KmsClient> clients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            SdkHttpClient http = ApacheHttpClient.builder().maxConnections(2).build();
            httpClients.add(http);
            clients.add(KmsClient.builder().endpointOverride(endpoint).region(Region.of(region))
                    .credentialsProvider(credentials).httpClient(http)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build());
        }
        return new SdkLoad(httpClients, clients);
    }

    /** A symmetric encryption key (SYMMETRIC_DEFAULT) with the default key policy; returns its id. */
    String createKey() {
        return clients.getFirst().createKey(b -> b.description("strongroom-bench KmsThroughput"))
                .keyMetadata().keyId();
    }

    /** Per thread: GenerateDataKey AES_256 under a small encryption context, plaintext key checked for length. */
    List<ClosedLoop.Call> generateDataKeyCalls(String keyId) {
        List<ClosedLoop.Call> calls = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            KmsClient client = clients.get(i);
            GenerateDataKeyRequest request = generateDataKeyRequest(keyId, i);
            calls.add(() -> {
                generateDataKeySent.increment();
                GenerateDataKeyResponse response = client.generateDataKey(request);
                if (response.plaintext().asByteArrayUnsafe().length != 32 || response.ciphertextBlob() == null) {
                    throw new AssertionError("GenerateDataKey answered without a 32-byte data key");
                }
            });
        }
        return calls;
    }

    /** Per thread: Decrypt of a data key that thread generated first (over HTTP), plaintext compared. */
    List<ClosedLoop.Call> decryptCalls(String keyId) {
        List<ClosedLoop.Call> calls = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            KmsClient client = clients.get(i);
            generateDataKeySent.increment();
            GenerateDataKeyResponse dataKey = client.generateDataKey(generateDataKeyRequest(keyId, i));
            byte[] expected = dataKey.plaintext().asByteArray();
            DecryptRequest request = DecryptRequest.builder().keyId(keyId).ciphertextBlob(dataKey.ciphertextBlob())
                    .encryptionContext(KmsThroughput.encryptionContext(i)).build();
            calls.add(() -> {
                decryptSent.increment();
                byte[] plaintext = client.decrypt(request).plaintext().asByteArrayUnsafe();
                if (!Arrays.equals(plaintext, expected)) {
                    throw new AssertionError("Decrypt answered another plaintext than the data key");
                }
            });
        }
        return calls;
    }

    Calls calls() {
        return new Calls(generateDataKeySent.sum(), decryptSent.sum());
    }

    private static GenerateDataKeyRequest generateDataKeyRequest(String keyId, int thread) {
        return GenerateDataKeyRequest.builder().keyId(keyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(KmsThroughput.encryptionContext(thread)).build();
    }

    @Override
    public void close() {
        clients.forEach(KmsClient::close);
        httpClients.forEach(SdkHttpClient::close);
    }
}
