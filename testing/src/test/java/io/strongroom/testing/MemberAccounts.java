package io.strongroom.testing;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Other accounts of the test server's organization, and the S3 Control client of its own. */
final class MemberAccounts {
    private MemberAccounts() {
    }

    /** A new member account of the organization, and clients of its administrator role. */
    static AwsClients administrator(StrongroomTestServer server, String name) {
        AwsClients admin = server.adminClients();
        String accountId = admin.organizations().createAccount(r -> r.email(name + "@example.com").accountName(name))
                .createAccountStatus().accountId();
        Credentials credentials = admin.sts().assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId
                + ":role/OrganizationAccountAccessRole").roleSessionName(name)).credentials();
        return server.clientsFor(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    /**
     * An S3 Control client of the administrator. The SDK puts the account id in front of the host
     * ({@code <account>.s3-control…}), which a bare IP endpoint cannot carry: the endpoint is given as
     * it is, and the server routes S3 Control by its path.
     */
    static S3ControlClient s3Control(StrongroomTestServer server) {
        URI endpoint = server.endpoint();
        return S3ControlClient.builder().region(AwsClients.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.admin().accessKeyId(), server.admin().secretAccessKey())))
                .endpointProvider(params -> CompletableFuture.completedFuture(Endpoint.builder().url(endpoint).build()))
                .build();
    }
}
