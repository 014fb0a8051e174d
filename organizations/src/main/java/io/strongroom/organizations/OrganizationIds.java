package io.strongroom.organizations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Identifiers in the forms Organizations uses: {@code r-…}, {@code ou-…-…}, {@code p-…}, {@code car-…}. */
final class OrganizationIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private OrganizationIds() {
    }

    /**
     * The root's id, derived from the organization's id so that two nodes initialising the same
     * organization at once pick the same root (the second insert collides instead of adding a root).
     */
    static String rootId(String organizationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(organizationId.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[4];
            for (int i = 0; i < out.length; i++) {
                out[i] = LOWER_ALNUM[(digest[i] & 0xff) % LOWER_ALNUM.length];
            }
            return "r-" + new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@code ou-<root suffix>-<8 random>}, as AWS forms them. */
    static String organizationalUnitId(String rootId) {
        return "ou-" + rootId.substring(2) + "-" + random(8);
    }

    static String policyId() {
        return "p-" + random(10);
    }

    static String createAccountRequestId() {
        return "car-" + random(32);
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = LOWER_ALNUM[RANDOM.nextInt(LOWER_ALNUM.length)];
        }
        return new String(out);
    }
}
