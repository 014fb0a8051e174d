package io.strongroom.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A JDBC URL split into the part the driver may see (and report through metadata, which Flyway
 * logs) and the secrets: every query parameter whose name contains {@code password} is moved into
 * connection properties, so no log line, exception or metadata call can ever repeat it.
 */
public final class JdbcUrl {
    private final Vendor vendor;
    private final String driverUrl;
    private final Properties secrets;
    private final String redacted;

    private JdbcUrl(Vendor vendor, String driverUrl, Properties secrets, String redacted) {
        this.vendor = vendor;
        this.driverUrl = driverUrl;
        this.secrets = secrets;
        this.redacted = redacted;
    }

    public static JdbcUrl parse(String url) {
        requireNonNull(url, "url");
        Vendor vendor = Vendor.of(url);
        int query = url.indexOf('?');
        if (query < 0) {
            return new JdbcUrl(vendor, url, new Properties(), url);
        }
        Properties secrets = new Properties();
        List<String> kept = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            if (isSecret(name)) {
                secrets.setProperty(name, eq < 0 ? "" : decode(parameter.substring(eq + 1)));
                shown.add(name + "=****");
            } else {
                kept.add(parameter);
                shown.add(parameter);
            }
        }
        String base = url.substring(0, query);
        return new JdbcUrl(vendor, join(base, kept), secrets, join(base, shown));
    }

    /** The URL with every password replaced by {@code ****}: the only form fit for logs and messages. */
    public static String redact(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        List<String> shown = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            shown.add(isSecret(name) ? name + "=****" : parameter);
        }
        return join(url.substring(0, query), shown);
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The URL without its secrets, as handed to the driver. */
    String driverUrl() {
        return driverUrl;
    }

    /** The secrets as driver connection properties (a fresh copy each time). */
    Properties connectionProperties() {
        Properties copy = new Properties();
        copy.putAll(secrets);
        return copy;
    }

    @Override
    public String toString() {
        return redacted;
    }

    private static boolean isSecret(String parameterName) {
        return parameterName.toLowerCase(Locale.ROOT).contains("password");
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String join(String base, List<String> parameters) {
        return parameters.isEmpty() ? base : base + "?" + String.join("&", parameters);
    }
}
