package io.strongroom.testing;

import static java.util.Objects.requireNonNull;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** Creates IAM users with a key through the administrator, and SDK clients that act as them. */
final class TestUsers {

    private final StrongroomTestServer server;
    private final String accountId;

    TestUsers(StrongroomTestServer server) {
        this.server = requireNonNull(server, "server");
        this.accountId = server.sts().getCallerIdentity().account();
    }

    String accountId() {
        return accountId;
    }

    String userArn(String userName) {
        return "arn:aws:iam::" + accountId + ":user/" + userName;
    }

    /** A new user with one access key; the returned clients sign as that user. */
    Caller create(String userName) {
        IamClient iam = server.iam();
        iam.createUser(r -> r.userName(userName));
        AccessKey key = iam.createAccessKey(r -> r.userName(userName)).accessKey();
        return new Caller(userName, key, server.clientsFor(key.accessKeyId(), key.secretAccessKey()));
    }

    /** A user, its key and its clients. */
    record Caller(String userName, AccessKey key, AwsClients clients) {
        IamClient iam() {
            return clients.iam();
        }
    }
}
