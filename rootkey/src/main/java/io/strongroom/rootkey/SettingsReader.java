package io.strongroom.rootkey;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@link RootKeySettings} from a map, naming the setting in every error. */
final class SettingsReader {

    private final Map<String, String> settings;

    SettingsReader(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("Root-key setting '" + name + "' is missing"));
    }

    Optional<String> optional(String name) {
        String value = settings.get(name);
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("Root-key setting '" + name + "' is empty");
        }
        return Optional.ofNullable(value);
    }

    void allowOnly(Set<String> names) {
        settings.keySet().stream().filter(name -> !names.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("Unknown root-key setting '" + name + "' for kind " + settings.get("kind"));
        });
    }

    Pkcs11Token token() {
        String name = exactlyOne(List.of("slot", "slot-list-index", "token-label"));
        String value = settings.get(name);
        try {
            return switch (name) {
                case "slot" -> new Pkcs11Token.SlotId(Long.parseLong(value));
                case "slot-list-index" -> new Pkcs11Token.SlotListIndex(Integer.parseInt(value));
                default -> new Pkcs11Token.TokenLabel(value);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Root-key setting '" + name + "' is invalid: " + e.getMessage());
        }
    }

    /** One of {@code <base>-env}, {@code <base>-file} and, when allowed, {@code <base>} itself. */
    SecretSource secret(String base, boolean valueAllowed) {
        List<String> names = valueAllowed ? List.of(base, base + "-env", base + "-file") : List.of(base + "-env", base + "-file");
        String name = exactlyOne(names);
        String value = settings.get(name);
        if (name.endsWith("-env")) {
            return SecretSource.environment(value);
        }
        if (name.endsWith("-file")) {
            return SecretSource.file(Path.of(value));
        }
        return SecretSource.value(value.toCharArray());
    }

    private String exactlyOne(List<String> names) {
        List<String> present = names.stream().filter(settings::containsKey).toList();
        if (present.size() != 1) {
            throw new IllegalArgumentException("Give exactly one of the root-key settings " + String.join(", ", names)
                    + (present.isEmpty() ? "" : " (got " + String.join(", ", present) + ")"));
        }
        optional(present.get(0));
        return present.get(0);
    }
}
