package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyProvider;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs in a child JVM started by {@link Pkcs11RootKeyProviderTest}, because SoftHSM2 reads
 * SOFTHSM2_CONF from the environment of the process that loads it. Prints {@code name=value}
 * facts for the test to assert; every step that should fail prints its exception message.
 */
public final class Pkcs11Scenario {

    static final byte[] SECRET = "kms key material 0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final byte[] AAD = "kms:key/1234".getBytes(StandardCharsets.UTF_8);

    private Pkcs11Scenario() {
    }

    public static void main(String[] args) throws Exception {
        String phase = args[0];
        Path work = Path.of(args[1]);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kind", "pkcs11");
        settings.put("library", args[2]);
        settings.put("pin-env", "TEST_HSM_PIN");
        if (phase.equals("by-label")) {
            settings.put("token-label", "strongroom-test");
        } else {
            settings.put("slot-list-index", "0");
        }
        RootKeySettings rootKeySettings = RootKeySettings.fromMap(settings, work);
        switch (phase) {
            case "first" -> first(rootKeySettings, work);
            case "second" -> second(rootKeySettings, work);
            case "third", "by-label" -> third(rootKeySettings, work);
            case "rotated-elsewhere" -> rotatedElsewhere(rootKeySettings);
            case "wrong-pin" -> fact("open", attempt(() -> RootKeyProviders.open(rootKeySettings,
                    Map.of("TEST_HSM_PIN", "0000")).close()));
            default -> throw new IllegalArgumentException(phase);
        }
    }

    private static void first(RootKeySettings settings, Path work) throws Exception {
        try (RootKeyProvider provider = RootKeyProviders.open(settings)) {
            fact("kind", provider.kind());
            fact("current", provider.currentVersion());
            fact("random", provider.random().getAlgorithm() + "@" + provider.random().getProvider().getName());
            byte[] underV1 = provider.wrap(SECRET, AAD);
            Files.write(work.resolve("blob-v1"), underV1);
            fact("roundTrip", new String(provider.unwrap(underV1, AAD), StandardCharsets.UTF_8));
            fact("wrongAad", attempt(() -> provider.unwrap(underV1, "kms:key/other".getBytes(StandardCharsets.UTF_8))));
            byte[] flipped = underV1.clone();
            flipped[flipped.length - 20] ^= 1;
            fact("flipped", attempt(() -> provider.unwrap(flipped, AAD)));
            var key = ((Pkcs11RootKeyProvider) provider).key("v1");
            fact("keyClass", key.getClass().getSimpleName());
            fact("encoded", String.valueOf(key.getEncoded()));
            fact("rotated", provider.rotate());
            byte[] underV2 = provider.wrap(SECRET, AAD);
            Files.write(work.resolve("blob-v2"), underV2);
            fact("v2version", provider.versionOf(underV2));
            fact("v1AfterRotate", new String(provider.unwrap(underV1, AAD), StandardCharsets.UTF_8));
            fact("toString", provider.toString());
        }
    }

    private static void second(RootKeySettings settings, Path work) throws Exception {
        try (RootKeyProvider provider = RootKeyProviders.open(settings)) {
            fact("current", provider.currentVersion());
            fact("v1", new String(provider.unwrap(Files.readAllBytes(work.resolve("blob-v1")), AAD), StandardCharsets.UTF_8));
            fact("v2", new String(provider.unwrap(Files.readAllBytes(work.resolve("blob-v2")), AAD), StandardCharsets.UTF_8));
            fact("retireCurrent", attempt(() -> provider.retire("v2")));
            provider.retire("v1");
            fact("v1AfterRetire", attempt(() -> provider.unwrap(Files.readAllBytes(work.resolve("blob-v1")), AAD)));
        }
    }

    private static void third(RootKeySettings settings, Path work) throws Exception {
        try (RootKeyProvider provider = RootKeyProviders.open(settings)) {
            fact("current", provider.currentVersion());
            fact("v1", attempt(() -> provider.unwrap(Files.readAllBytes(work.resolve("blob-v1")), AAD)));
            fact("v2", new String(provider.unwrap(Files.readAllBytes(work.resolve("blob-v2")), AAD), StandardCharsets.UTF_8));
        }
    }

    /** A running node (one provider) and the rotate command (another) on the same token. */
    private static void rotatedElsewhere(RootKeySettings settings) throws Exception {
        try (RootKeyProvider node = RootKeyProviders.open(settings);
             RootKeyProvider command = RootKeyProviders.open(settings)) {
            fact("before", node.versionOf(node.wrap(SECRET, AAD)));
            fact("rotated", command.rotate());
            byte[] afterRotation = node.wrap(SECRET, AAD);
            fact("after", node.versionOf(afterRotation));
            fact("commandReads", new String(command.unwrap(afterRotation, AAD), StandardCharsets.UTF_8));
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static String attempt(Step step) {
        try {
            step.run();
            return "succeeded";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static void fact(String name, String value) {
        System.out.println(name + "=" + value.replace('\n', ' '));
    }
}
