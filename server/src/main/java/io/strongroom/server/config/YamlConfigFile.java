package io.strongroom.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads settings from a YAML file ({@code --config}); an unknown key stops the start. Dotted keys
 * may be written flat ({@code audit.retention: P7Y}) or nested ({@code audit:} then
 * {@code retention: P7Y}).
 */
final class YamlConfigFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlConfigFile() {
    }

    static Map<Setting, RawValue> read(Path file) {
        Object document;
        try {
            document = Files.size(file) == 0 ? null : YAML.readValue(file.toFile(), Object.class);
        } catch (JacksonException e) {
            throw new ConfigurationException("Config file " + file + " is not valid YAML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new ConfigurationException("Config file " + file + " cannot be read: " + e.getMessage());
        }
        Map<Setting, RawValue> values = new EnumMap<>(Setting.class);
        if (document == null) {
            return values;
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigurationException("Config file " + file + " must be a map of settings (key: value)");
        }
        readSection(file, "", map, values);
        return values;
    }

    /** Reads the entries of a map whose keys follow {@code prefix}; a section's map is read in turn. */
    private static void readSection(Path file, String prefix, Map<?, ?> map, Map<Setting, RawValue> values) {
        for (var entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            var setting = Setting.byKey(key);
            if (setting.isEmpty() && entry.getValue() instanceof Map<?, ?> section && Setting.isSection(key)) {
                readSection(file, key + ".", section, values);
                continue;
            }
            ValueOrigin origin = ValueOrigin.file(file.toString(), key);
            Setting known = setting.orElseThrow(() -> new ConfigurationException(
                    "Unknown setting " + key + " in config file " + file));
            if (values.containsKey(known)) {
                throw new ConfigurationException("Setting " + key + " is given twice in config file " + file);
            }
            values.put(known, new RawValue(scalarOrMap(known, origin, entry.getValue()), origin));
        }
    }

    private static Object scalarOrMap(Setting setting, ValueOrigin origin, Object value) {
        if (value instanceof Map<?, ?> map && setting == Setting.ROOT_KEY) {
            Map<String, String> copy = new LinkedHashMap<>();
            for (var entry : map.entrySet()) {
                if (entry.getValue() instanceof Map<?, ?> || entry.getValue() instanceof Iterable<?>) {
                    throw ConfigurationException.invalid(setting, origin, entry.getKey() + " must be a single value");
                }
                copy.put(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
            }
            return copy;
        }
        if (value == null || value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            throw ConfigurationException.invalid(setting, origin, "expected a single value");
        }
        return String.valueOf(value);
    }
}
