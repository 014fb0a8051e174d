package io.strongroom.protocol.query;

import io.strongroom.core.AwsException;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.iam.identity.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Readers for parameter groups that IAM and STS share: paging, tag lists, unsupported members. */
public final class CommonParameters {
    static final int MAX_ITEMS_LIMIT = 1000;

    private CommonParameters() {
    }

    /** {@code Marker} and {@code MaxItems} (1..1000). */
    public static PageRequest page(QueryParameters parameters) {
        Optional<Integer> maxItems = parameters.integer("MaxItems");
        maxItems.ifPresent(max -> {
            if (max < 1) {
                throw rangeError(parameters, max, "greater than or equal to 1");
            }
            if (max > MAX_ITEMS_LIMIT) {
                throw rangeError(parameters, max, "less than or equal to " + MAX_ITEMS_LIMIT);
            }
        });
        return new PageRequest(parameters.string("Marker"), maxItems);
    }

    /** A list of {@code Key}/{@code Value} structures ({@code Tags.member.N.Key}); both members required. */
    public static List<Tag> tags(QueryParameters parameters, String name) {
        List<Tag> tags = new ArrayList<>();
        for (QueryParameters tag : parameters.structureList(name)) {
            tags.add(new Tag(tag.requiredString("Key"), tag.requiredString("Value")));
        }
        return List.copyOf(tags);
    }

    /**
     * Refuses a parameter the model has but Strongroom does not implement. Ignoring it would give
     * the caller something other than it asked for (often more access), so the call fails instead.
     */
    public static void rejectUnsupported(QueryParameters parameters, String... names) {
        for (String name : names) {
            if (parameters.isPresent(name)) {
                throw AwsException.validation("The parameter " + name + " is not supported by this service");
            }
        }
    }

    private static AwsException rangeError(QueryParameters parameters, int value, String bound) {
        return AwsException.validation("1 validation error detected: Value '" + value + "' at '"
                + parameters.memberName("MaxItems") + "' failed to satisfy constraint: Member must have value "
                + bound);
    }
}
