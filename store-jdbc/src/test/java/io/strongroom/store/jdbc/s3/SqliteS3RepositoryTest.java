package io.strongroom.store.jdbc.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.Sql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteS3RepositoryTest extends JdbcS3RepositoryContract {
    @TempDir
    Path dataDirectory;

    @Override
    Database openEmptyDatabase() {
        return Database.openSqlite(dataDirectory);
    }

    /** The listings read their index in order: no scan of the table, no sort of what they read. */
    @Test
    void listingsReadAnIndexInKeyOrder() {
        List<Object> parameters = new ArrayList<>(List.of(BUCKET));
        String latest = VersionRows.SELECT + " WHERE bucket = ? AND latest AND NOT delete_marker"
                + KeyRange.where("a/", "a/b", parameters) + " ORDER BY object_key LIMIT ?";
        parameters.add(10);
        assertThat(plan(latest, parameters)).contains("USING INDEX s3_listed_objects")
                .doesNotContain("TEMP B-TREE").doesNotContain("SCAN s3_object_versions\n");

        List<Object> versions = new ArrayList<>(List.of(BUCKET));
        String all = VersionRows.SELECT + " WHERE bucket = ?" + KeyRange.where("a/", "a/b", versions)
                + " ORDER BY object_key, seq DESC LIMIT ?";
        versions.add(10);
        assertThat(plan(all, versions)).contains("USING INDEX s3_versions_by_key").doesNotContain("TEMP B-TREE");

        assertThat(plan(VersionRows.SELECT + " WHERE bucket = ? AND object_key = ? AND latest",
                List.of(BUCKET, "k"))).contains("USING INDEX s3_latest_versions");
        assertThat(plan("SELECT 1 FROM s3_object_versions WHERE blob_id = ?", List.of("b")))
                .contains("USING COVERING INDEX s3_versions_by_blob");
    }

    private String plan(String sql, List<Object> parameters) {
        List<String> steps = database.transactor().withConnection(c -> Sql.list(c, "EXPLAIN QUERY PLAN " + sql,
                row -> row.getString("detail"), parameters.toArray()));
        return String.join("\n", steps) + "\n";
    }
}
