package io.strongroom.iam.identity;

import java.nio.charset.StandardCharsets;

/**
 * The associated data a secret is wrapped with. Binding each wrapped secret to its key id means a
 * blob copied onto another key's row fails to unwrap instead of authenticating the wrong key.
 */
public final class SecretBinding {
    private SecretBinding() {
    }

    public static byte[] accessKeyAad(String accessKeyId) {
        return ("strongroom:access-key:" + accessKeyId).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] stsSessionAad(String accessKeyId) {
        return ("strongroom:sts-session:" + accessKeyId).getBytes(StandardCharsets.UTF_8);
    }
}
