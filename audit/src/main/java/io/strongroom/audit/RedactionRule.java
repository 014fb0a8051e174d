package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * What {@link Redaction} hides. Names are compared ignoring case, so a rule for
 * {@code secretAccessKey} also catches {@code SecretAccessKey} whichever casing an adapter used.
 */
public sealed interface RedactionRule {

    /** A member with this name, at any depth of any section of any event. */
    static RedactionRule anywhere(String memberName) {
        return new MemberAnywhere(memberName);
    }

    /**
     * The member at {@code path} (member names separated by dots, for example
     * {@code credentials.sessionToken}) in one section of one operation's records. A path walks
     * through lists: {@code items.secret} hides {@code secret} in every element of {@code items}.
     */
    static RedactionRule at(String eventSource, String eventName, Section section, String path) {
        return new MemberAtPath(eventSource, eventName, section, List.of(path.split("\\.", -1)));
    }

    /** The parts of a record rules apply to. */
    enum Section {
        REQUEST_PARAMETERS("requestParameters"),
        RESPONSE_ELEMENTS("responseElements"),
        ADDITIONAL_EVENT_DATA("additionalEventData");

        private final String fieldName;

        Section(String fieldName) {
            this.fieldName = fieldName;
        }

        /** The record field, for example {@code requestParameters}. */
        public String fieldName() {
            return fieldName;
        }
    }

    /** See {@link RedactionRule#anywhere}. */
    record MemberAnywhere(String memberName) implements RedactionRule {
        public MemberAnywhere {
            requireNonNull(memberName, "memberName");
            if (memberName.isEmpty()) {
                throw new IllegalArgumentException("a member name is not empty");
            }
            memberName = memberName.toLowerCase(Locale.ROOT);
        }
    }

    /** See {@link RedactionRule#at}. */
    record MemberAtPath(String eventSource, String eventName, Section section, List<String> path)
            implements RedactionRule {
        public MemberAtPath {
            requireNonNull(eventSource, "eventSource");
            requireNonNull(eventName, "eventName");
            requireNonNull(section, "section");
            path = path.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
            if (path.isEmpty() || path.contains("")) {
                throw new IllegalArgumentException("a path is member names separated by single dots");
            }
        }
    }
}
