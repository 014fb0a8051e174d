package io.strongroom.protocol.json.fake;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.json.DetailedAwsException;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import io.strongroom.protocol.json.JsonWriter;
import io.strongroom.protocol.json.StringConstraints;
import java.util.List;
import java.util.Map;

/** CreateWidget, GetWidget, ListWidgets, DeleteWidget, TagWidget. */
final class WidgetActions implements JsonOperationFamily {
    static final StringConstraints NAME = StringConstraints.length(1, 16).pattern("^[a-z0-9-]+$");

    private final WidgetStore store;

    WidgetActions(WidgetStore store) {
        this.store = requireNonNull(store, "store");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("CreateWidget", this::createWidget)
                .add("GetWidget", this::getWidget)
                .add("ListWidgets", this::listWidgets)
                .add("DeleteWidget", this::deleteWidget)
                .add("TagWidget", this::tagWidget);
    }

    private JsonResult createWidget(JsonInput in, CallContext call) {
        in.rejectUnsupported("DryRun");
        Widget widget = new Widget(
                in.requiredString("Name", NAME),
                in.enumValue("Color", Widget.Color.class).orElse(Widget.Color.RED),
                in.string("Shape", StringConstraints.oneOf("round", "square")),
                in.integer("Size", 1, 100),
                in.stringList("Labels", 0, 3, StringConstraints.length(1, 8)),
                in.stringMap("Attributes"),
                tags(in),
                in.blob("Secret", 1, 32),
                in.timestamp("ExpiresAt"),
                in.bool("Public").orElse(false),
                call.receivedAt());
        store.create(widget);
        return JsonResult.of(out -> out.object("Widget", w -> widget(w, widget)));
    }

    private JsonResult getWidget(JsonInput in, CallContext call) {
        Widget widget = find(in.requiredString("Name", NAME));
        return JsonResult.of(out -> out.object("Widget", w -> widget(w, widget)));
    }

    private JsonResult listWidgets(JsonInput in, CallContext call) {
        int max = in.integer("MaxResults", 1, 20).orElse(20);
        List<Widget> widgets = store.all().stream().limit(max).toList();
        return JsonResult.of(out -> out.objectList("Widgets", widgets, WidgetActions::widget));
    }

    private JsonResult deleteWidget(JsonInput in, CallContext call) {
        String name = in.requiredString("Name", NAME);
        if (!store.delete(name)) {
            throw notFound(name);
        }
        return JsonResult.none();
    }

    /** A check of the operation's own, answered in the service's validation vocabulary. */
    private JsonResult tagWidget(JsonInput in, CallContext call) {
        Widget widget = find(in.requiredString("Name", NAME));
        List<Widget.Tag> tags = tags(in);
        if (tags.isEmpty()) {
            throw in.invalid("Tags", "[]", "Member must have at least one tag");
        }
        if (tags.stream().anyMatch(tag -> tag.key().startsWith("aws:"))) {
            throw new DetailedAwsException("InvalidInputException", 400, "Tag keys may not begin with aws:",
                    Map.of("Reason", "INVALID_SYSTEM_TAGS_PARAMETER"));
        }
        return JsonResult.of(out -> out.string("Name", widget.name()));
    }

    private static List<Widget.Tag> tags(JsonInput in) {
        return in.objectList("Tags", 0, 5).stream()
                .map(tag -> new Widget.Tag(tag.requiredString("Key", StringConstraints.length(1, 128)),
                        tag.requiredString("Value", StringConstraints.length(0, 256))))
                .toList();
    }

    private Widget find(String name) {
        return store.find(name).orElseThrow(() -> notFound(name));
    }

    private static AwsException notFound(String name) {
        return new AwsException("WidgetNotFoundException", 400, "Widget " + name + " does not exist");
    }

    static void widget(JsonWriter out, Widget widget) {
        out.string("Name", widget.name())
                .string("Color", widget.color().name())
                .string("Shape", widget.shape());
        widget.size().ifPresent(size -> out.number("Size", size));
        out.stringList("Labels", widget.labels())
                .stringMap("Attributes", widget.attributes())
                .objectList("Tags", widget.tags(), (t, tag) -> t.string("Key", tag.key()).string("Value", tag.value()));
        widget.secret().ifPresent(secret -> out.blob("Secret", secret));
        out.timestamp("ExpiresAt", widget.expiresAt())
                .bool("Public", widget.isPublic())
                .timestamp("CreatedAt", widget.createdAt());
    }
}
