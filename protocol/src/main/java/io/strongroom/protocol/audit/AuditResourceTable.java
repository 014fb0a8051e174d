package io.strongroom.protocol.audit;

import io.strongroom.audit.AuditResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which request parameters name a resource, for a record's {@code resources} (and LookupEvents'
 * ResourceName and ResourceType): a parameter holding a name becomes the resource's ARN in the
 * caller's account; one holding an ARN is taken as it is.
 */
public final class AuditResourceTable {
    /** Makes a resource ARN from the caller's account, the region and the name sent. */
    @FunctionalInterface
    public interface ArnOfName {
        String arn(String accountId, String region, String name);
    }

    private record Entry(String parameter, String type, ArnOfName arnOfName) {
    }

    private static final int MAX_NAME = 2048;
    private final List<Entry> entries;

    private AuditResourceTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The resources the parameters name, in table order; string values only, as sent. */
    public List<AuditResource> resources(Map<String, Object> requestParameters, String accountId, String region) {
        if (requestParameters == null) {
            return List.of();
        }
        List<AuditResource> resources = new ArrayList<>();
        for (Entry entry : entries) {
            if (requestParameters.get(entry.parameter()) instanceof String value && !value.isEmpty()
                    && value.length() <= MAX_NAME) {
                String arn = value.startsWith("arn:") ? value : entry.arnOfName().arn(accountId, region, value);
                resources.add(new AuditResource(arn, accountId, entry.type()));
            }
        }
        return resources;
    }

    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /** A parameter holding a name (or an ARN). */
        public Builder name(String parameter, String type, ArnOfName arnOfName) {
            entries.add(new Entry(parameter, type, arnOfName));
            return this;
        }

        /** A parameter holding an ARN; anything else it holds is recorded as sent. */
        public Builder arn(String parameter, String type) {
            entries.add(new Entry(parameter, type, (account, region, name) -> name));
            return this;
        }

        public AuditResourceTable build() {
            return new AuditResourceTable(entries);
        }
    }
}
