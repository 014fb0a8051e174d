package io.strongroom.protocol.support;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A user allowed to assume a role that trusts its account, set up through the real identity service. */
public final class StsScenario {
    public static final String VERSION = "2011-06-15";
    public static final String ROLE_ARN = "arn:aws:iam::" + Requests.ACCOUNT + ":role/analyst";

    private final IdentityFixture fixture;

    public StsScenario(IdentityFixture fixture) {
        this.fixture = fixture;
        CallContext root = Requests.rootCall();
        fixture.identities.createUser(root, "bob", Optional.empty(), Optional.empty(), List.of());
        fixture.identities.putUserPolicy(root, "bob", "assume", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"],\"Resource\":\"" + ROLE_ARN + "\"}]}");
        fixture.identities.createRole(root, "analyst", IamScenario.TRUST_DOCUMENT, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());
    }

    public CallContext bob() {
        return fixture.callAs("bob");
    }

    /** Sends the call and returns the response, or the rendered error, as the server would. */
    public ApiResponse call(CallContext call, String action, String... nameValues) {
        ApiRequest request = Requests.post(action, VERSION, nameValues);
        try {
            return fixture.stsHandler.handle(request, call);
        } catch (AwsException e) {
            return fixture.stsHandler.renderError(request, e);
        }
    }

    public static String body(ApiResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
