package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * ListObjects(V2): the latest versions under a prefix, keys sharing a segment up to the delimiter
 * rolled up into common prefixes, at most {@code maxKeys} entries of either kind per page.
 */
final class ObjectListing {
    private static final int SCAN_BATCH = 1000;

    private final S3Repository repository;

    ObjectListing(S3Repository repository) {
        this.repository = requireNonNull(repository, "repository");
    }

    ListPage list(String bucket, String prefix, String delimiter, String after, int maxKeys) {
        List<ObjectVersion> contents = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        String cursor = after;
        String lastEntry = "";
        if (maxKeys == 0) {
            return new ListPage(contents, commonPrefixes, false, lastEntry);
        }
        // runs until the store has no more keys, or one more entry is found than the page holds
        while (true) {
            List<ObjectVersion> batch = repository.listLatest(bucket, prefix, cursor, SCAN_BATCH);
            if (batch.isEmpty()) {
                return new ListPage(contents, commonPrefixes, false, lastEntry);
            }
            for (ObjectVersion version : batch) {
                cursor = version.key();
                String rolledUp = commonPrefix(version.key(), prefix, delimiter);
                if (rolledUp == null) {
                    if (contents.size() + commonPrefixes.size() == maxKeys) {
                        return new ListPage(contents, commonPrefixes, true, lastEntry);
                    }
                    contents.add(version);
                    lastEntry = version.key();
                } else if (!rolledUp.equals(lastEntry)) {
                    if (rolledUp.compareTo(after) <= 0 && after.startsWith(rolledUp)) {
                        continue; // the page before ended on this common prefix
                    }
                    if (contents.size() + commonPrefixes.size() == maxKeys) {
                        return new ListPage(contents, commonPrefixes, true, lastEntry);
                    }
                    commonPrefixes.add(rolledUp);
                    lastEntry = rolledUp;
                }
            }
        }
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    /**
     * @param lastEntry the last key or common prefix returned: the next page starts after it
     */
    record ListPage(List<ObjectVersion> contents, List<String> commonPrefixes, boolean truncated, String lastEntry) {
    }
}
