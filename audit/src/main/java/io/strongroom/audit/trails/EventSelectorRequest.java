package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One event selector as PutEventSelectors sends it, before validation: the ReadWriteType as its
 * wire string (All when absent), IncludeManagementEvents (true when absent).
 */
public record EventSelectorRequest(
        Optional<String> readWriteType,
        Optional<Boolean> includeManagementEvents,
        List<DataResourceRequest> dataResources,
        List<String> excludeManagementEventSources) {

    public EventSelectorRequest {
        requireNonNull(readWriteType, "readWriteType");
        requireNonNull(includeManagementEvents, "includeManagementEvents");
        dataResources = List.copyOf(dataResources);
        excludeManagementEventSources = List.copyOf(excludeManagementEventSources);
    }

    /** A data resource as sent: its Type may be missing. */
    public record DataResourceRequest(Optional<String> type, List<String> values) {
        public DataResourceRequest {
            requireNonNull(type, "type");
            values = List.copyOf(values);
        }
    }
}
