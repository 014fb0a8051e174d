package io.strongroom.server.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The root-key provider and its settings, written on the command line or in the environment as
 * {@code file}, {@code file:path=/p}, {@code pkcs11:library=/usr/lib/softhsm/libsofthsm2.so,token-label=x,pin-env=VAR}
 * or {@code passphrase:env=VAR}, and in YAML as a map ({@code {provider: pkcs11, library: …}}).
 * Secrets never appear here: a PIN or passphrase is named by the environment variable or file
 * that holds it.
 *
 * @param provider {@code file}, {@code pkcs11} or {@code passphrase}
 * @param options  the provider's settings, by name
 */
public record RootKeySettings(String provider, Map<String, String> options) {

    private static final Map<String, Set<String>> OPTIONS_BY_PROVIDER = Map.of(
            "file", Set.of("path"),
            "pkcs11", Set.of("library", "token-label", "slot", "slot-list-index", "pin-env", "pin-file",
                    "key-label-prefix"),
            "passphrase", Set.of("env", "file", "passphrase-env", "passphrase-file"));
    private static final Set<String> SECRET_OPTION_NAMES = Set.of("pin", "passphrase", "password", "secret");
    private static final Set<String> SECRET_ENVIRONMENT_OPTIONS = Set.of("pin-env", "env", "passphrase-env");

    public RootKeySettings {
        requireNonNull(provider, "provider");
        options = Map.copyOf(new TreeMap<>(options));
    }

    public static RootKeySettings file() {
        return new RootKeySettings("file", Map.of());
    }

    /** Parses the command-line form; throws {@link IllegalArgumentException} naming the fault. */
    public static RootKeySettings parse(String spec) {
        requireNonNull(spec, "spec");
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        String provider = colon < 0 ? trimmed : trimmed.substring(0, colon);
        Map<String, String> options = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : trimmed.substring(colon + 1).split(",", -1)) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("expected name=value pairs after '" + provider
                            + ":' separated by commas, for example pkcs11:library=/path,token-label=x,pin-env=VAR");
                }
                String name = pair.substring(0, equals).strip();
                if (options.put(name, pair.substring(equals + 1).strip()) != null) {
                    throw new IllegalArgumentException("option " + name + " is given twice");
                }
            }
        }
        return of(provider, options);
    }

    /** Builds and validates settings from a provider name and options (the YAML form). */
    public static RootKeySettings of(String provider, Map<String, String> options) {
        Set<String> allowed = OPTIONS_BY_PROVIDER.get(provider);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown root-key provider '" + provider
                    + "'; expected one of file, pkcs11, passphrase");
        }
        for (var option : options.entrySet()) {
            String name = option.getKey();
            if (SECRET_OPTION_NAMES.contains(name)) {
                throw new IllegalArgumentException("option " + name + " would put a secret in the configuration;"
                        + " name the environment variable or file that holds it instead ("
                        + String.join(", ", allowed.stream().filter(o -> o.endsWith("env") || o.endsWith("file")).sorted().toList())
                        + ")");
            }
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + " for root-key provider " + provider
                        + "; expected " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (option.getValue() == null || option.getValue().isBlank()) {
                throw new IllegalArgumentException("option " + name + " is empty");
            }
        }
        RootKeySettings settings = new RootKeySettings(provider, options);
        settings.requireComplete();
        return settings;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** Environment variables this configuration names as holding a secret (a PIN, a passphrase). */
    public Set<String> secretEnvironmentVariables() {
        return Set.copyOf(options.entrySet().stream()
                .filter(e -> SECRET_ENVIRONMENT_OPTIONS.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList());
    }

    /**
     * The settings as the rootkey module reads them: {@code kind} plus options, with the short
     * passphrase forms ({@code env}, {@code file}) spelled out.
     */
    public Map<String, String> asProviderSettings() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("kind", provider);
        options.forEach((name, value) -> settings.put(
                provider.equals("passphrase") && (name.equals("env") || name.equals("file")) ? "passphrase-" + name : name,
                value));
        return settings;
    }

    /** The same settings with {@code name} set when it is absent. */
    public RootKeySettings withDefault(String name, String value) {
        if (options.containsKey(name)) {
            return this;
        }
        Map<String, String> copy = new TreeMap<>(options);
        copy.put(name, value);
        return new RootKeySettings(provider, copy);
    }

    private void requireComplete() {
        switch (provider) {
            case "pkcs11" -> {
                requireOne(List.of("library"));
                requireOne(List.of("token-label", "slot", "slot-list-index"));
                requireOne(List.of("pin-env", "pin-file"));
            }
            case "passphrase" -> requireOne(List.of("env", "file", "passphrase-env", "passphrase-file"));
            default -> {
            }
        }
    }

    private void requireOne(List<String> names) {
        long present = names.stream().filter(options::containsKey).count();
        if (present != 1) {
            throw new IllegalArgumentException("root-key provider " + provider + " needs exactly one of "
                    + String.join(", ", names));
        }
    }

    @Override
    public String toString() {
        if (options.isEmpty()) {
            return provider;
        }
        StringBuilder text = new StringBuilder(provider).append(':');
        new java.util.TreeMap<>(options).forEach((k, v) -> text.append(k).append('=').append(v).append(','));
        return text.substring(0, text.length() - 1);
    }
}
