package io.strongroom.server.config;

/** How the server was started: {@code start-dev} (embedded defaults) or {@code start} (production). */
public enum Mode {
    DEV,
    PROD
}
