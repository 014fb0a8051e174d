package io.strongroom.server.lifecycle;

import io.strongroom.server.config.ServerConfig;

/** Opens the components for a configuration: root key, then store (with migrations), then bootstrap. */
@FunctionalInterface
public interface ComponentsFactory {
    Components open(ServerConfig config);
}
