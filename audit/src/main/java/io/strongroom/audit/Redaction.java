package io.strongroom.audit;

import io.strongroom.audit.RedactionRule.MemberAnywhere;
import io.strongroom.audit.RedactionRule.MemberAtPath;
import io.strongroom.audit.RedactionRule.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registry of rules that keep secrets out of audit records. A matched value (whatever its
 * type, a whole sub-tree included) becomes the string {@value #PLACEHOLDER}, CloudTrail's own
 * wording; a null value stays null. Rules only hide: they never drop a member, so the record still
 * shows that the parameter was sent.
 *
 * <p>{@link #withDefaults()} covers the secrets Strongroom's services handle today: secret access
 * keys and session tokens (IAM CreateAccessKey, STS credentials), passwords (IAM login profiles),
 * private keys, and KMS plaintexts and data-key plaintexts. Each service registers what it adds
 * ({@link #register}) when it starts. The registry is safe to read from any thread while rules are
 * registered.
 */
public final class Redaction {
    /** What CloudTrail writes in place of a hidden value. */
    public static final String PLACEHOLDER = "HIDDEN_DUE_TO_SECURITY_REASONS";

    /** The member names hidden wherever they appear. */
    public static final List<String> DEFAULT_MEMBERS = List.of(
            "secretAccessKey", // IAM CreateAccessKey, STS credentials
            "sessionToken", // STS credentials
            "password", // IAM CreateLoginProfile, UpdateLoginProfile
            "oldPassword", // IAM ChangePassword
            "newPassword", // IAM ChangePassword
            "privateKey", // IAM UploadServerCertificate
            "plaintext", // KMS Encrypt request; Decrypt, GenerateDataKey, GenerateRandom responses
            "privateKeyPlaintext"); // KMS GenerateDataKeyPair

    /** Rules as one immutable snapshot, swapped whole on registration. */
    private record Rules(Set<String> membersAnywhere, Map<String, List<MemberAtPath>> byOperation) {
    }

    private volatile Rules rules = new Rules(Set.of(), Map.of());

    /** An empty registry. */
    public Redaction() {
    }

    /** A registry holding the default rules. */
    public static Redaction withDefaults() {
        Redaction redaction = new Redaction();
        DEFAULT_MEMBERS.forEach(name -> redaction.register(RedactionRule.anywhere(name)));
        return redaction;
    }

    /** Adds a rule; returns this registry. */
    public synchronized Redaction register(RedactionRule rule) {
        Rules current = rules;
        switch (rule) {
            case MemberAnywhere anywhere -> {
                Set<String> members = new HashSet<>(current.membersAnywhere());
                members.add(anywhere.memberName());
                rules = new Rules(Set.copyOf(members), current.byOperation());
            }
            case MemberAtPath atPath -> {
                Map<String, List<MemberAtPath>> byOperation = new LinkedHashMap<>(current.byOperation());
                List<MemberAtPath> list = new ArrayList<>(byOperation.getOrDefault(operationKey(
                        atPath.eventSource(), atPath.eventName()), List.of()));
                list.add(atPath);
                byOperation.put(operationKey(atPath.eventSource(), atPath.eventName()), List.copyOf(list));
                rules = new Rules(current.membersAnywhere(), Map.copyOf(byOperation));
            }
        }
        return this;
    }

    /** The event with every matched value hidden (the same instance when nothing matched). */
    public AuditEvent apply(AuditEvent event) {
        Rules snapshot = rules;
        List<MemberAtPath> pathRules = snapshot.byOperation()
                .getOrDefault(operationKey(event.eventSource(), event.eventName()), List.of());
        Map<String, Object> request = redactSection(snapshot, pathRules, Section.REQUEST_PARAMETERS,
                event.requestParameters());
        Map<String, Object> response = redactSection(snapshot, pathRules, Section.RESPONSE_ELEMENTS,
                event.responseElements());
        Map<String, Object> additional = redactSection(snapshot, pathRules, Section.ADDITIONAL_EVENT_DATA,
                event.additionalEventData());
        if (request == event.requestParameters() && response == event.responseElements()
                && additional == event.additionalEventData()) {
            return event;
        }
        return event.withPayloads(request, response, additional);
    }

    private static String operationKey(String eventSource, String eventName) {
        return eventSource + ' ' + eventName;
    }

    private static Map<String, Object> redactSection(Rules snapshot, List<MemberAtPath> pathRules, Section section,
                                                     Map<String, Object> tree) {
        if (tree == null) {
            return null;
        }
        List<List<String>> paths = new ArrayList<>();
        for (MemberAtPath rule : pathRules) {
            if (rule.section() == section) {
                paths.add(rule.path());
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> redacted = (Map<String, Object>) redactValue(tree, paths, snapshot.membersAnywhere());
        return redacted;
    }

    /**
     * Redacts a value; {@code paths} are the remaining path suffixes that apply at this level
     * (an empty suffix would mean "this value", which the caller handles). Returns the same
     * instance when nothing below changed, so unaffected records are not copied.
     */
    private static Object redactValue(Object value, List<List<String>> paths, Set<String> anywhere) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = null;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = (String) entry.getKey();
                Object child = entry.getValue();
                String folded = name.toLowerCase(Locale.ROOT);
                List<List<String>> childPaths = List.of();
                boolean hide = anywhere.contains(folded);
                for (List<String> path : paths) {
                    if (path.getFirst().equals(folded)) {
                        if (path.size() == 1) {
                            hide = true;
                        } else {
                            if (childPaths.isEmpty()) {
                                childPaths = new ArrayList<>();
                            }
                            childPaths.add(path.subList(1, path.size()));
                        }
                    }
                }
                Object replaced = hide ? (child == null ? null : PLACEHOLDER) : redactValue(child, childPaths, anywhere);
                if (replaced != child && copy == null) {
                    copy = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> earlier : map.entrySet()) {
                        if (earlier.getKey().equals(name)) {
                            break;
                        }
                        copy.put((String) earlier.getKey(), earlier.getValue());
                    }
                }
                if (copy != null) {
                    copy.put(name, replaced);
                }
            }
            return copy == null ? value : copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                Object replaced = redactValue(item, paths, anywhere);
                if (replaced != item && copy == null) {
                    copy = new ArrayList<>(list.subList(0, i));
                }
                if (copy != null) {
                    copy.add(replaced);
                }
            }
            return copy == null ? value : copy;
        }
        return value;
    }
}
