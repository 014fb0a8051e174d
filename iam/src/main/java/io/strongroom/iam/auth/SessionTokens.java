package io.strongroom.iam.auth;

import io.strongroom.core.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Session tokens: random and opaque; only their SHA-256 is ever stored. */
public final class SessionTokens {
    private static final int TOKEN_BYTES = 48;

    private SessionTokens() {
    }

    public static String newToken() {
        return Base64.getEncoder().encodeToString(Ids.randomBytes(TOKEN_BYTES));
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Constant-time comparison of a presented token with a stored hash. */
    public static boolean matches(String presentedToken, byte[] storedHash) {
        return MessageDigest.isEqual(hash(presentedToken), storedHash);
    }
}
