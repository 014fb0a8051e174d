package io.strongroom.server.config;

/**
 * The configuration cannot be used. The message names the setting and where its value came from;
 * it never repeats a value that could be secret.
 */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public static ConfigurationException invalid(Setting setting, ValueOrigin origin, String problem) {
        return new ConfigurationException("Invalid setting " + setting.key() + " from " + origin + ": " + problem);
    }
}
