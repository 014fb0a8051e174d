package io.strongroom.testing;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AWS SDK clients for one principal, pointed at the test server. Add a client for each new
 * service here and every test gets it through {@link StrongroomTestServer#clientsFor}.
 */
public final class AwsClients implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;

    private final SdkHttpClient http;
    private final IamClient iam;
    private final StsClient sts;
    private final OrganizationsClient organizations;
    private final CloudTrailClient cloudTrail;
    private final KmsClient kms;
    private final S3Client s3;
    private URI endpoint;
    private StaticCredentialsProvider credentials;
    private S3AsyncClient s3Async;

    private AwsClients(SdkHttpClient http, IamClient iam, StsClient sts, OrganizationsClient organizations,
                       CloudTrailClient cloudTrail, KmsClient kms, S3Client s3) {
        this.http = http;
        this.iam = iam;
        this.sts = sts;
        this.organizations = organizations;
        this.cloudTrail = cloudTrail;
        this.kms = kms;
        this.s3 = s3;
    }

    public static AwsClients create(URI endpoint, String accessKeyId, String secretAccessKey) {
        return create(endpoint, AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    public static AwsClients create(URI endpoint, String accessKeyId, String secretAccessKey, String sessionToken) {
        return create(endpoint, AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }

    public static AwsClients create(URI endpoint, AwsCredentials credentials) {
        requireNonNull(endpoint, "endpoint");
        StaticCredentialsProvider provider = StaticCredentialsProvider.create(requireNonNull(credentials, "credentials"));
        SdkHttpClient http = UrlConnectionHttpClient.create();
        IamClient iam = IamClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(provider).httpClient(http).build();
        StsClient sts = StsClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(provider).httpClient(http).build();
        OrganizationsClient organizations = OrganizationsClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(provider).httpClient(http).build();
        CloudTrailClient cloudTrail = CloudTrailClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(provider).httpClient(http).build();
        KmsClient kms = KmsClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(provider).httpClient(http).build();
        // path-style: the test server answers on 127.0.0.1, which has no bucket subdomains
        S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(REGION).forcePathStyle(true)
                .credentialsProvider(provider).httpClient(http).build();
        AwsClients clients = new AwsClients(http, iam, sts, organizations, cloudTrail, kms, s3);
        clients.endpoint = endpoint;
        clients.credentials = provider;
        return clients;
    }

    public IamClient iam() {
        return iam;
    }

    public StsClient sts() {
        return sts;
    }

    public OrganizationsClient organizations() {
        return organizations;
    }

    public CloudTrailClient cloudTrail() {
        return cloudTrail;
    }

    public KmsClient kms() {
        return kms;
    }

    public S3Client s3() {
        return s3;
    }

    /**
     * An S3AsyncClient (Netty) with the SDK's Java-based multipart uploads and downloads enabled, made on
     * first use and closed with these clients.
     */
    public synchronized S3AsyncClient s3Async() {
        if (s3Async == null) {
            s3Async = S3AsyncClient.builder().endpointOverride(endpoint).region(REGION).forcePathStyle(true)
                    .credentialsProvider(credentials).multipartEnabled(true).build();
        }
        return s3Async;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (s3Async != null) {
                s3Async.close();
            }
        }
        s3.close();
        iam.close();
        sts.close();
        organizations.close();
        cloudTrail.close();
        kms.close();
        http.close();
    }
}
