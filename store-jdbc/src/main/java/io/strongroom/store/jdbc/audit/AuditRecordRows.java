package io.strongroom.store.jdbc.audit;

import static io.strongroom.audit.LookupAttributeKey.ACCESS_KEY_ID;
import static io.strongroom.audit.LookupAttributeKey.EVENT_ID;
import static io.strongroom.audit.LookupAttributeKey.EVENT_NAME;
import static io.strongroom.audit.LookupAttributeKey.EVENT_SOURCE;
import static io.strongroom.audit.LookupAttributeKey.READ_ONLY;
import static io.strongroom.audit.LookupAttributeKey.RESOURCE_NAME;
import static io.strongroom.audit.LookupAttributeKey.RESOURCE_TYPE;
import static io.strongroom.audit.LookupAttributeKey.USERNAME;

import io.strongroom.audit.AuditLookupQuery;
import io.strongroom.audit.ChainHash;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.IndexedResource;
import io.strongroom.audit.LookupAttributeKey;
import io.strongroom.audit.LookupCursor;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rows of {@code audit_records} and {@code audit_resource_terms}: batched inserts, reads by
 * sequence, the LookupEvents queries and the deletion of a purged prefix. Every method works on the
 * connection it is given (the caller's transaction); none updates a row.
 */
final class AuditRecordRows {
    private static final String COLUMNS = "r.sequence, r.event_time, r.event_id, r.event_source, r.event_name,"
            + " r.aws_region, r.recipient_account_id, r.username, r.access_key_id, r.read_only, r.event_category,"
            + " r.event_json, r.resources, r.previous_hash, r.hash";
    private static final String INSERT_RECORD = "INSERT INTO audit_records (sequence, event_time, event_id, event_source,"
            + " event_name, aws_region, recipient_account_id, username, access_key_id, read_only, event_category,"
            + " event_json, resources, previous_hash, hash, scope_key, event_id_key, event_name_key, event_source_key,"
            + " username_key, access_key_id_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TERM = "INSERT INTO audit_resource_terms (term_key, event_time, sequence,"
            + " term_kind, term_value) VALUES (?, ?, ?, ?, ?)";
    private static final String DELETE_TERM =
            "DELETE FROM audit_resource_terms WHERE term_key = ? AND event_time = ? AND sequence = ?";
    private static final int DELETE_PAGE = 1000;
    private static final String TYPE = "TYPE";
    private static final String NAME = "NAME";
    private static final Comparator<StoredAuditRecord> NEWEST_FIRST = Comparator.comparing(StoredAuditRecord::eventTime)
            .thenComparingLong(StoredAuditRecord::sequence).reversed();

    private AuditRecordRows() {
    }

    /**
     * Inserts the records and their resource terms with two JDBC batches on statements kept per
     * connection; the caller has checked the chain.
     */
    static void insert(Connection connection, List<StoredAuditRecord> records) throws SQLException {
        LookupKeys keys = new LookupKeys();
        Sql.batch(connection, INSERT_RECORD, insert -> {
            for (StoredAuditRecord record : records) {
                String account = record.recipientAccountId();
                EventCategory category = record.eventCategory();
                insert.setLong(1, record.sequence());
                insert.setLong(2, Millis.of(record.eventTime()));
                insert.setString(3, record.eventId());
                insert.setString(4, record.eventSource());
                insert.setString(5, record.eventName());
                insert.setString(6, record.awsRegion());
                insert.setString(7, account);
                setNullableText(insert, 8, record.username());
                setNullableText(insert, 9, record.accessKeyId());
                insert.setBoolean(10, record.readOnly());
                insert.setString(11, category.name());
                insert.setString(12, record.eventJson());
                insert.setString(13, ResourceColumn.encode(record.resources()));
                insert.setBytes(14, record.previousHash().bytes());
                insert.setBytes(15, record.hash().bytes());
                insert.setLong(16, keys.scope(account, category));
                insert.setLong(17, keys.eventId(record.eventId()));
                insert.setLong(18, keys.attribute(EVENT_NAME.wireName(), account, category, record.eventName()));
                insert.setLong(19, keys.attribute(EVENT_SOURCE.wireName(), account, category, record.eventSource()));
                setNullableKey(insert, 20, keys, USERNAME, account, category, record.username());
                setNullableKey(insert, 21, keys, ACCESS_KEY_ID, account, category, record.accessKeyId());
                insert.addBatch();
            }
        });
        if (records.stream().anyMatch(record -> !record.resources().isEmpty())) {
            insertTerms(connection, records, keys);
        }
    }

    private static void insertTerms(Connection connection, List<StoredAuditRecord> records, LookupKeys keys)
            throws SQLException {
        Sql.batch(connection, INSERT_TERM, insert -> {
            for (StoredAuditRecord record : records) {
                for (Term term : terms(record.resources())) {
                    insert.setLong(1, keys.attribute(term.attribute().wireName(), record.recipientAccountId(),
                            record.eventCategory(), term.value()));
                    insert.setLong(2, Millis.of(record.eventTime()));
                    insert.setLong(3, record.sequence());
                    insert.setString(4, term.kind());
                    insert.setString(5, term.value());
                    insert.addBatch();
                }
            }
        });
    }

    /** One row per distinct value: a record naming one bucket twice matches a lookup once. */
    private static Set<Term> terms(List<IndexedResource> resources) {
        Set<Term> terms = new LinkedHashSet<>();
        for (IndexedResource resource : resources) {
            terms.add(new Term(RESOURCE_TYPE, resource.type()));
            terms.add(new Term(RESOURCE_NAME, resource.name()));
        }
        return terms;
    }

    /**
     * Deletes the records with {@code afterSequence < sequence <= throughSequence} and their resource
     * terms. The terms table is keyed for lookups, not by sequence, so each term is found by the key
     * recomputed from its record, a page of records at a time. The caller has stored the purge that
     * lets the triggers allow the deletion.
     */
    static int deleteRange(Connection connection, long afterSequence, long throughSequence) throws SQLException {
        LookupKeys keys = new LookupKeys();
        long from = afterSequence;
        while (from < throughSequence) {
            List<TermSource> page = Sql.list(connection, "SELECT sequence, event_time, recipient_account_id,"
                    + " event_category, resources FROM audit_records WHERE sequence > ? AND sequence <= ?"
                    + " ORDER BY sequence LIMIT ?", TermSource::of, from, throughSequence, DELETE_PAGE);
            if (page.isEmpty()) {
                break;
            }
            Sql.batch(connection, DELETE_TERM, delete -> {
                for (TermSource record : page) {
                    for (Term term : terms(ResourceColumn.decode(record.resources()))) {
                        delete.setLong(1, keys.attribute(term.attribute().wireName(), record.account(),
                                record.category(), term.value()));
                        delete.setLong(2, record.eventTime());
                        delete.setLong(3, record.sequence());
                        delete.addBatch();
                    }
                }
            });
            from = page.getLast().sequence();
        }
        return Sql.update(connection, "DELETE FROM audit_records WHERE sequence > ? AND sequence <= ?",
                afterSequence, throughSequence);
    }

    static List<StoredAuditRecord> readRange(Connection connection, long fromSequence, long toSequence, int limit)
            throws SQLException {
        return Sql.list(connection, "SELECT " + COLUMNS + " FROM audit_records r"
                + " WHERE r.sequence >= ? AND r.sequence <= ? ORDER BY r.sequence LIMIT ?",
                AuditRecordRows::record, fromSequence, toSequence, limit);
    }

    /**
     * The first {@code limit} records matching the query, newest first. With an account, the lookup
     * is split into index ranges that each give newest-first order by themselves (one per event
     * category when none is asked for, since the keys include it; one per readOnly value when no
     * attribute is given, since the scope index serves lookups by time alone), each read with the
     * limit, and merged. A lookup without an account has no key and scans.
     */
    static List<StoredAuditRecord> lookup(Connection connection, AuditLookupQuery query, int limit) throws SQLException {
        LookupAttributeKey attribute = query.attributeKey();
        if (attribute == READ_ONLY && !query.attributeValue().equals("true") && !query.attributeValue().equals("false")) {
            // only the exact words true and false match, as the record's readOnly prints
            return List.of();
        }
        boolean keyed = query.recipientAccountId() != null;
        List<EventCategory> categories = query.eventCategory() != null ? List.of(query.eventCategory())
                : keyed && attribute != EVENT_ID ? Arrays.asList(EventCategory.values()) : Arrays.asList((EventCategory) null);
        List<Boolean> readOnlyValues = keyed && attribute == null ? List.of(false, true) : Arrays.asList((Boolean) null);
        LookupKeys keys = new LookupKeys();
        List<StoredAuditRecord> found = new ArrayList<>();
        for (EventCategory category : categories) {
            for (Boolean readOnly : readOnlyValues) {
                found.addAll(lookupRange(connection, query, category, readOnly, keys, limit));
            }
        }
        if (categories.size() * readOnlyValues.size() > 1) {
            found.sort(NEWEST_FIRST);
        }
        return found.size() <= limit ? found : found.subList(0, limit);
    }

    /**
     * One newest-first range: the query with the category and readOnly value fixed when given. With
     * an account, the SQL asks for the key's index range alone (so the planner can only walk it
     * backwards and stop early; redundant filters on the values would make it misjudge how many rows
     * match and sort them all) and the values are compared here; a row that shares the key without
     * matching is skipped, and the range read on until the page is full. Without an account there
     * is no key: the SQL filters on the values.
     */
    private static List<StoredAuditRecord> lookupRange(Connection connection, AuditLookupQuery query,
                                                       EventCategory category, Boolean readOnly, LookupKeys keys,
                                                       int limit) throws SQLException {
        Predicate<StoredAuditRecord> matches = exactMatch(query, category, readOnly);
        if (query.recipientAccountId() == null) {
            return select(connection, query, unkeyedFilter(query, category, readOnly), query.after(), limit);
        }
        Where keyed = keyedFilter(query, category, readOnly, keys);
        List<StoredAuditRecord> page = new ArrayList<>();
        LookupCursor after = query.after();
        while (true) {
            List<StoredAuditRecord> range = select(connection, query, keyed, after, limit);
            for (StoredAuditRecord record : range) {
                if (matches.test(record)) {
                    page.add(record);
                    if (page.size() == limit) {
                        return page;
                    }
                }
            }
            if (range.size() < limit) {
                return page;
            }
            StoredAuditRecord last = range.getLast();
            after = new LookupCursor(last.eventTime(), last.sequence());
        }
    }

    /** The index range of the query's key: the attribute's, or the scope's with a readOnly value. */
    private static Where keyedFilter(AuditLookupQuery query, EventCategory category, Boolean readOnly,
                                     LookupKeys keys) {
        String account = query.recipientAccountId();
        LookupAttributeKey attribute = query.attributeKey();
        String value = query.attributeValue();
        Where where = new Where();
        if (attribute == null) {
            where.and("r.scope_key = ? AND r.read_only = ?", keys.scope(account, category), readOnly);
        } else {
            switch (attribute) {
                case READ_ONLY -> where.and("r.scope_key = ? AND r.read_only = ?", keys.scope(account, category),
                        Boolean.valueOf(value));
                case EVENT_ID -> where.and("r.event_id_key = ?", keys.eventId(value));
                case RESOURCE_TYPE, RESOURCE_NAME -> where.and("t.term_key = ?",
                        keys.attribute(attribute.wireName(), account, category, value));
                default -> where.and(column(attribute) + "_key = ?",
                        keys.attribute(attribute.wireName(), account, category, value));
            }
        }
        return where;
    }

    /** The query's conditions on the values themselves, for a lookup without an account. */
    private static Where unkeyedFilter(AuditLookupQuery query, EventCategory category, Boolean readOnly) {
        LookupAttributeKey attribute = query.attributeKey();
        String value = query.attributeValue();
        Where where = new Where();
        if (category != null) {
            where.and("r.event_category = ?", category.name());
        }
        if (readOnly != null) {
            where.and("r.read_only = ?", readOnly);
        }
        if (attribute != null) {
            switch (attribute) {
                case READ_ONLY -> where.and("r.read_only = ?", Boolean.valueOf(value));
                case RESOURCE_TYPE, RESOURCE_NAME -> where.and("t.term_kind = ? AND t.term_value = ?",
                        attribute == RESOURCE_TYPE ? TYPE : NAME, value);
                default -> where.and(column(attribute) + " = ?", value);
            }
        }
        return where;
    }

    /** Whether a record read from a key's range really matches (the key may stand for other values too). */
    private static Predicate<StoredAuditRecord> exactMatch(AuditLookupQuery query, EventCategory category,
                                                          Boolean readOnly) {
        String account = query.recipientAccountId();
        LookupAttributeKey attribute = query.attributeKey();
        String value = query.attributeValue();
        Predicate<StoredAuditRecord> attributeMatches = attribute == null ? record -> true : switch (attribute) {
            case EVENT_ID -> record -> record.eventId().equals(value);
            case EVENT_NAME -> record -> record.eventName().equals(value);
            case EVENT_SOURCE -> record -> record.eventSource().equals(value);
            case USERNAME -> record -> value.equals(record.username());
            case ACCESS_KEY_ID -> record -> value.equals(record.accessKeyId());
            case READ_ONLY -> record -> Boolean.toString(record.readOnly()).equals(value);
            case RESOURCE_TYPE -> record -> record.resources().stream().anyMatch(r -> r.type().equals(value));
            case RESOURCE_NAME -> record -> record.resources().stream().anyMatch(r -> r.name().equals(value));
        };
        return record -> (account == null || record.recipientAccountId().equals(account))
                && (category == null || record.eventCategory() == category)
                && (readOnly == null || record.readOnly() == readOnly)
                && attributeMatches.test(record);
    }

    /** The records of one range, newest first, after the cursor and within the query's time bounds. */
    private static List<StoredAuditRecord> select(Connection connection, AuditLookupQuery query, Where filter,
                                                  LookupCursor after, int limit) throws SQLException {
        boolean throughTerms = query.attributeKey() == RESOURCE_TYPE || query.attributeKey() == RESOURCE_NAME;
        String ordered = throughTerms ? "t." : "r.";
        Where where = filter.copy();
        if (query.startTime() != null) {
            where.and(ordered + "event_time >= ?", Millis.ceiling(query.startTime()));
        }
        if (query.endTime() != null) {
            where.and(ordered + "event_time <= ?", Millis.floor(query.endTime()));
        }
        if (after != null) {
            // strictly older than the cursor's (time, sequence): a row-value comparison the indexes serve
            String olderThan = "(" + ordered + "event_time, " + ordered + "sequence) < (?, ?)";
            if (Millis.isWhole(after.eventTime())) {
                where.and(olderThan, Millis.of(after.eventTime()), after.sequence());
            } else {
                // no stored time equals a cursor between two milliseconds: everything up to its floor is older
                where.and(olderThan, Millis.floor(after.eventTime()) + 1, Long.MIN_VALUE);
            }
        }
        where.parameters.add(limit);
        String from = throughTerms
                ? " FROM audit_resource_terms t JOIN audit_records r ON r.sequence = t.sequence"
                : " FROM audit_records r";
        return Sql.list(connection, "SELECT " + COLUMNS + from + where.sql + " ORDER BY " + ordered + "event_time DESC, "
                + ordered + "sequence DESC LIMIT ?", AuditRecordRows::record, where.parameters.toArray());
    }

    private static String column(LookupAttributeKey attribute) {
        return switch (attribute) {
            case EVENT_ID -> "r.event_id";
            case EVENT_NAME -> "r.event_name";
            case EVENT_SOURCE -> "r.event_source";
            case USERNAME -> "r.username";
            case ACCESS_KEY_ID -> "r.access_key_id";
            default -> throw new IllegalArgumentException("no column of its own: " + attribute);
        };
    }

    /** A WHERE clause and its parameters, built up one condition at a time. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        private final List<Object> parameters = new ArrayList<>();

        void and(String condition, Object... values) {
            sql.append(" AND ").append(condition);
            parameters.addAll(Arrays.asList(values));
        }

        Where copy() {
            Where copy = new Where();
            copy.sql.setLength(0);
            copy.sql.append(sql);
            copy.parameters.addAll(parameters);
            return copy;
        }
    }

    /** A resource's type or name as a lookup term. */
    /** What a record's resource terms are computed from. */
    private record TermSource(long sequence, long eventTime, String account, EventCategory category,
                              String resources) {
        static TermSource of(ResultSet row) throws SQLException {
            return new TermSource(row.getLong("sequence"), row.getLong("event_time"),
                    row.getString("recipient_account_id"), EventCategory.valueOf(row.getString("event_category")),
                    row.getString("resources"));
        }
    }

    private record Term(LookupAttributeKey attribute, String value) {
        String kind() {
            return attribute == RESOURCE_TYPE ? TYPE : NAME;
        }
    }

    private static void setNullableKey(PreparedStatement statement, int index, LookupKeys keys,
                                       LookupAttributeKey attribute, String account, EventCategory category,
                                       String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, keys.attribute(attribute.wireName(), account, category, value));
        }
    }

    private static void setNullableText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static StoredAuditRecord record(ResultSet row) throws SQLException {
        return new StoredAuditRecord(row.getLong("sequence"), Instant.ofEpochMilli(row.getLong("event_time")),
                row.getString("event_id"), row.getString("event_source"), row.getString("event_name"),
                row.getString("aws_region"), row.getString("recipient_account_id"), row.getString("username"),
                row.getString("access_key_id"), row.getBoolean("read_only"),
                EventCategory.valueOf(row.getString("event_category")), ResourceColumn.decode(row.getString("resources")),
                row.getString("event_json"), ChainHash.of(row.getBytes("previous_hash")),
                ChainHash.of(row.getBytes("hash")));
    }
}
