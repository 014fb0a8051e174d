package io.strongroom.store.jdbc.kms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.kms.Grant;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grants as rows of {@code kms_grants}. A grant's operations are a JSON array of strings and each
 * encryption-context constraint a JSON object of strings, NULL when absent: JSON quotes and escapes
 * whatever the strings hold, so any operation name or context pair reads back as written, and an
 * empty constraint ({@code {}}) stays distinct from none.
 */
final class GrantRows {
    static final String SELECT = "SELECT grant_id, key_id, name, grantee_principal, retiring_principal,"
            + " issuing_account, operations, encryption_context_subset, encryption_context_equals, creation_date,"
            + " token_hash FROM kms_grants";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> CONTEXT = new TypeReference<>() {
    };

    private GrantRows() {
    }

    static void insert(Connection connection, Grant grant) throws SQLException {
        Sql.update(connection, "INSERT INTO kms_grants (grant_id, key_id, name, grantee_principal, retiring_principal,"
                        + " issuing_account, operations, encryption_context_subset, encryption_context_equals,"
                        + " creation_date, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                grant.grantId(), grant.keyId(), grant.name(), grant.granteePrincipal(), grant.retiringPrincipal(),
                grant.issuingAccount(), json(grant.operations()), grant.encryptionContextSubset().map(GrantRows::json),
                grant.encryptionContextEquals().map(GrantRows::json), grant.creationDate(), grant.tokenHash());
    }

    static Grant row(ResultSet row) throws SQLException {
        return new Grant(row.getString("grant_id"), row.getString("key_id"), Sql.optionalText(row, "name"),
                row.getString("grantee_principal"), Sql.optionalText(row, "retiring_principal"),
                row.getString("issuing_account"), parse(row.getString("operations"), STRINGS),
                context(row, "encryption_context_subset"), context(row, "encryption_context_equals"),
                Sql.instant(row, "creation_date"), row.getBytes("token_hash"));
    }

    private static Optional<Map<String, String>> context(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        return text == null ? Optional.empty() : Optional.of(parse(text, CONTEXT));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // lists and maps of strings always serialise
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored grant holds malformed JSON", e);
        }
    }
}
