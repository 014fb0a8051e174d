package io.strongroom.store.jdbc;

/** The database engines the store runs on; each has its own folder of Flyway migrations. */
public enum Vendor {
    SQLITE("jdbc:sqlite:", "sqlite"),
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String migrationFolder;

    Vendor(String urlPrefix, String migrationFolder) {
        this.urlPrefix = urlPrefix;
        this.migrationFolder = migrationFolder;
    }

    /** Which vendor a JDBC URL names; the message never repeats the URL, which may hold a password. */
    public static Vendor of(String jdbcUrl) {
        for (Vendor vendor : values()) {
            if (jdbcUrl.regionMatches(true, 0, vendor.urlPrefix, 0, vendor.urlPrefix.length())) {
                return vendor;
            }
        }
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite: or jdbc:postgresql:): "
                + JdbcUrl.redact(jdbcUrl));
    }

    String urlPrefix() {
        return urlPrefix;
    }

    /** The Flyway location of this vendor's migrations. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }
}
