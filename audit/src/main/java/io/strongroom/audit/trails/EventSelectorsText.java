package io.strongroom.audit.trails;

import io.strongroom.audit.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trail's event selectors as the text a store keeps: canonical JSON in the model's member names,
 * for example {@code [{"DataResources":[],"ExcludeManagementEventSources":[],"IncludeManagementEvents":true,
 * "ReadWriteType":"All"}]}. Stores hold it as an opaque column; only this class reads it.
 */
public final class EventSelectorsText {
    private EventSelectorsText() {
    }

    public static String write(List<EventSelector> selectors) {
        List<Object> items = new ArrayList<>(selectors.size());
        for (EventSelector selector : selectors) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ReadWriteType", selector.readWriteType().wireName());
            item.put("IncludeManagementEvents", selector.includeManagementEvents());
            List<Object> data = new ArrayList<>();
            for (DataResource resource : selector.dataResources()) {
                data.add(Map.of("Type", resource.type(), "Values", resource.values()));
            }
            item.put("DataResources", data);
            item.put("ExcludeManagementEventSources", selector.excludeManagementEventSources());
            items.add(item);
        }
        return CanonicalJson.write(items);
    }

    /** Reads what {@link #write} wrote; throws IllegalStateException for any other text. */
    public static List<EventSelector> read(String text) {
        try {
            List<EventSelector> selectors = new ArrayList<>();
            for (Object item : (List<?>) CanonicalJson.parse(text)) {
                Map<?, ?> selector = (Map<?, ?>) item;
                List<DataResource> data = new ArrayList<>();
                for (Object resource : (List<?>) selector.get("DataResources")) {
                    Map<?, ?> fields = (Map<?, ?>) resource;
                    data.add(new DataResource((String) fields.get("Type"), strings(fields.get("Values"))));
                }
                ReadWriteType type = ReadWriteType.fromWireName((String) selector.get("ReadWriteType")).orElseThrow();
                selectors.add(new EventSelector(type, (Boolean) selector.get("IncludeManagementEvents"), data,
                        strings(selector.get("ExcludeManagementEventSources"))));
            }
            return List.copyOf(selectors);
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored event selectors are malformed", e);
        }
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String.class::cast).toList();
    }
}
