package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.EventCategory;
import io.strongroom.audit.StoredAuditRecord;
import java.util.List;

/**
 * A basic event selector of a trail (the model's EventSelector): which management events and which
 * data events the trail's exports deliver.
 *
 * @param readWriteType                 reads, writes or both, for management and data events alike
 * @param includeManagementEvents       whether management events are taken at all
 * @param dataResources                 the data events taken; none when empty
 * @param excludeManagementEventSources event sources whose management events are left out
 *                                      ({@code kms.amazonaws.com}, {@code rdsdata.amazonaws.com})
 */
public record EventSelector(ReadWriteType readWriteType, boolean includeManagementEvents,
                            List<DataResource> dataResources, List<String> excludeManagementEventSources) {

    /** What a new trail has: every management event, reads and writes, and no data event (as in AWS). */
    public static final EventSelector ALL_MANAGEMENT_EVENTS = new EventSelector(ReadWriteType.ALL, true, List.of(),
            List.of());

    public EventSelector {
        requireNonNull(readWriteType, "readWriteType");
        dataResources = List.copyOf(dataResources);
        excludeManagementEventSources = List.copyOf(excludeManagementEventSources);
    }

    /** Whether this selector takes the record. */
    public boolean takes(StoredAuditRecord record) {
        if (!readWriteType.takes(record.readOnly())) {
            return false;
        }
        if (record.eventCategory() == EventCategory.MANAGEMENT) {
            return includeManagementEvents && !excludeManagementEventSources.contains(record.eventSource());
        }
        return dataResources.stream().anyMatch(data -> record.resources().stream().anyMatch(data::covers));
    }
}
