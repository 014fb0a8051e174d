package io.strongroom.rootkey;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which root-key provider to open and with what. Read from a map of settings
 * ({@link #fromMap}) or a one-line spec such as
 * {@code pkcs11:library=/usr/lib/softhsm/libsofthsm2.so,token-label=prod,pin-env=HSM_PIN}
 * ({@link #parse}). Invalid input throws {@link IllegalArgumentException} naming the setting.
 *
 * <table>
 * <caption>Settings by kind</caption>
 * <tr><td>{@code kind}</td><td>{@code file}, {@code pkcs11} or {@code passphrase}</td></tr>
 * <tr><td>file</td><td>{@code path} (default {@code <data-dir>/root-key})</td></tr>
 * <tr><td>pkcs11</td><td>{@code library}; one of {@code slot}, {@code slot-list-index},
 *     {@code token-label}; one of {@code pin}, {@code pin-env}, {@code pin-file};
 *     {@code key-label-prefix} (default {@code strongroom-root-})</td></tr>
 * <tr><td>passphrase</td><td>one of {@code passphrase-env} (or {@code env}), {@code passphrase-file}
 *     (or {@code file}); files in the
 *     data directory</td></tr>
 * </table>
 */
public sealed interface RootKeySettings {

    String kind();

    /** The development provider: a keyring file holding raw keys, mode 0600. */
    record File(Path keyFile) implements RootKeySettings {
        public File {
            requireNonNull(keyFile, "keyFile");
        }

        @Override
        public String kind() {
            return "file";
        }
    }

    /** An HSM through SunPKCS11. */
    record Pkcs11(Path library, Pkcs11Token token, SecretSource pin, String keyLabelPrefix) implements RootKeySettings {
        public Pkcs11 {
            requireNonNull(library, "library");
            requireNonNull(token, "token");
            requireNonNull(pin, "pin");
            requireNonNull(keyLabelPrefix, "keyLabelPrefix");
        }

        @Override
        public String kind() {
            return "pkcs11";
        }
    }

    /** A passphrase-derived key-encryption key over a keyring in the data directory. */
    record Passphrase(Path dataDirectory, SecretSource passphrase) implements RootKeySettings {
        public Passphrase {
            requireNonNull(dataDirectory, "dataDirectory");
            requireNonNull(passphrase, "passphrase");
            if (passphrase instanceof SecretSource.Value) {
                throw new IllegalArgumentException("the root-key passphrase comes from an environment variable or a file");
            }
        }

        @Override
        public String kind() {
            return "passphrase";
        }
    }

    /** The development default: {@code <data-dir>/root-key}. */
    static RootKeySettings developmentDefault(Path dataDirectory) {
        return new File(dataDirectory.resolve(FileRootKeyProvider.DEFAULT_FILE_NAME));
    }

    /** Parses {@code kind[:name=value,name=value…]}. */
    static RootKeySettings parse(String spec, Path dataDirectory) {
        requireNonNull(spec, "spec");
        int colon = spec.indexOf(':');
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kind", (colon < 0 ? spec : spec.substring(0, colon)).strip());
        if (colon >= 0 && colon < spec.length() - 1) {
            for (String pair : spec.substring(colon + 1).split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("Root-key setting '" + pair.strip() + "' is not name=value");
                }
                String name = pair.substring(0, equals).strip();
                if (settings.putIfAbsent(name, pair.substring(equals + 1).strip()) != null) {
                    throw new IllegalArgumentException("Root-key setting '" + name + "' is given twice");
                }
            }
        }
        return fromMap(settings, dataDirectory);
    }

    /** Reads settings keyed as in the table above; unknown names are an error. */
    static RootKeySettings fromMap(Map<String, String> settings, Path dataDirectory) {
        requireNonNull(settings, "settings");
        requireNonNull(dataDirectory, "dataDirectory");
        SettingsReader reader = new SettingsReader(settings);
        String kind = reader.required("kind");
        return switch (kind) {
            case "file" -> {
                reader.allowOnly(Set.of("kind", "path"));
                yield new File(reader.optional("path").map(Path::of)
                        .orElse(dataDirectory.resolve(FileRootKeyProvider.DEFAULT_FILE_NAME)));
            }
            case "pkcs11" -> {
                reader.allowOnly(Set.of("kind", "library", "slot", "slot-list-index", "token-label",
                        "pin", "pin-env", "pin-file", "key-label-prefix"));
                yield new Pkcs11(Path.of(reader.required("library")), reader.token(), reader.secret("pin", true),
                        reader.optional("key-label-prefix").orElse(Pkcs11RootKeyProvider.DEFAULT_KEY_LABEL_PREFIX));
            }
            case "passphrase" -> {
                // "env" and "file" are the short forms of passphrase-env and passphrase-file.
                Map<String, String> renamed = new LinkedHashMap<>();
                settings.forEach((name, value) -> renamed.merge(
                        name.equals("env") || name.equals("file") ? "passphrase-" + name : name, value,
                        (a, b) -> { throw new IllegalArgumentException("Root-key setting 'passphrase-" + name + "' is given twice"); }));
                SettingsReader passphraseReader = new SettingsReader(renamed);
                passphraseReader.allowOnly(Set.of("kind", "passphrase-env", "passphrase-file"));
                yield new Passphrase(dataDirectory, passphraseReader.secret("passphrase", false));
            }
            default -> throw new IllegalArgumentException(
                    "Root-key setting 'kind' must be file, pkcs11 or passphrase, not '" + kind + "'");
        };
    }
}
