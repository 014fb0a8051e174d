package io.strongroom.protocol.json.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory store of widgets, at most {@link #QUOTA}. */
final class WidgetStore {
    static final int QUOTA = 3;

    private final Map<String, Widget> widgets = new LinkedHashMap<>();

    synchronized void create(Widget widget) {
        if (widgets.containsKey(widget.name())) {
            throw new io.strongroom.core.AwsException("WidgetAlreadyExistsException", 400,
                    "A widget named " + widget.name() + " already exists");
        }
        if (widgets.size() == QUOTA) {
            throw new WidgetQuotaException("WIDGET_NUMBER_LIMIT_EXCEEDED");
        }
        widgets.put(widget.name(), widget);
    }

    synchronized Optional<Widget> find(String name) {
        return Optional.ofNullable(widgets.get(name));
    }

    synchronized boolean delete(String name) {
        return widgets.remove(name) != null;
    }

    synchronized List<Widget> all() {
        return new ArrayList<>(widgets.values());
    }
}
