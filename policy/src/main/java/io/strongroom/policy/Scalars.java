package io.strongroom.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The "string or array of strings" shape used by Action, Resource and Principal values. */
final class Scalars {
    private Scalars() {
    }

    static List<String> strings(JsonNode node, String element, String where) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.textValue());
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw wrongType(element, where);
                }
                values.add(item.textValue());
            }
        } else {
            throw wrongType(element, where);
        }
        return values;
    }

    private static MalformedPolicyDocumentException wrongType(String element, String where) {
        return PolicyErrors.syntax(element + " in " + where + " must be a string or an array of strings.");
    }
}
