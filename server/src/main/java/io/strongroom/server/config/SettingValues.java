package io.strongroom.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses setting text into typed values; each method throws {@link IllegalArgumentException} naming the fault. */
final class SettingValues {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})(B|KiB|MiB|GiB)?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]%]+");
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._\\-]+):([0-9]{1,5})");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long MIN_BODY = 1024;
    private static final long MAX_BODY = 1024L * 1024 * 1024;
    private static final int MAX_CONCURRENCY = 100_000;

    private SettingValues() {
    }

    static int port(String text) {
        int port;
        try {
            port = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
        }
        return port;
    }

    static String region(String text) {
        if (!REGION.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a region name like us-east-1");
        }
        return text;
    }

    static String host(String text) {
        if (!HOST.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a host name or IP address");
        }
        return text;
    }

    static String jdbcUrl(String text) {
        if (!text.startsWith("jdbc:sqlite:") && !text.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("expected a jdbc:sqlite: or jdbc:postgresql: URL");
        }
        return text;
    }

    static Path path(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("the path is empty");
        }
        return Path.of(text);
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, a bare number of seconds, or ISO-8601 ({@code PT30S}). */
    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            duration = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } else {
            try {
                duration = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 500ms or 2m");
            }
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the duration is negative");
        }
        return duration;
    }

    /** A byte count: {@code 1048576}, {@code 512KiB}, {@code 1MiB}. */
    static long size(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size like 1048576, 512KiB or 1MiB");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        long bytes = switch (unit) {
            case "KiB" -> amount * 1024;
            case "MiB" -> amount * 1024 * 1024;
            case "GiB" -> amount * 1024 * 1024 * 1024;
            default -> amount;
        };
        if (bytes < MIN_BODY || bytes > MAX_BODY) {
            throw new IllegalArgumentException("the size must lie between 1KiB and 1GiB");
        }
        return bytes;
    }

    /** {@code true} or {@code false}. */
    static boolean bool(String text) {
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    /** A host name or address and a port: {@code siem.example.com:6514}, {@code 10.0.0.7:601}, {@code [::1]:6514}. */
    record HostAndPort(String host, int port) {
    }

    static HostAndPort hostAndPort(String text) {
        Matcher matcher = HOST_AND_PORT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not host:port, for example siem.example.com:6514");
        }
        int port = Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
        String host = matcher.group(1);
        return new HostAndPort(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
    }

    /** An absolute {@code http://} or {@code https://} URL with a host. */
    static URI httpUrl(String text) {
        try {
            URI url = new URI(text.strip());
            String scheme = url.getScheme();
            if (("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, without echoing a URL that may carry a secret
        }
        throw new IllegalArgumentException("expected an https:// or http:// URL with a host");
    }

    /** The name of an environment variable (not its value). */
    static String environmentVariableName(String text) {
        if (!ENVIRONMENT_VARIABLE.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an environment variable name");
        }
        return text.strip();
    }

    /** How many on-demand rotations one key may have: 0 (none) to 1,000. */
    static int rotationLimit(String text) {
        int count;
        try {
            count = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        if (count < 0 || count > 1000) {
            throw new IllegalArgumentException("the limit must lie between 0 and 1000");
        }
        return count;
    }

    /** A number of requests served at once: 1 to 100,000. */
    static int concurrency(String text) {
        int count;
        try {
            count = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        if (count < 1 || count > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("the count must lie between 1 and " + MAX_CONCURRENCY);
        }
        return count;
    }
}
