package io.strongroom.s3;

import io.strongroom.core.AwsException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lifecycle configuration's rules: S3's checks when one is put, and the document form it is kept
 * in (one rule per line, each field {@code name=value} with the value percent-encoded, so any tag or
 * prefix reads back exactly).
 */
public final class LifecycleRules {
    static final String KIND = "lifecycle";
    static final int MAX_RULES = 1000;
    private static final int MAX_ID_LENGTH = 255;
    private static final int MAX_NEWER_NONCURRENT = 100;
    /** How long S3 keeps an object in STANDARD_IA or ONEZONE_IA before a later transition may move it on. */
    private static final int INFREQUENT_ACCESS_STAY_DAYS = 30;
    private static final String MINIMUM_SIZE_FIELD = "transitionDefaultMinimumObjectSize";

    private LifecycleRules() {
    }

    /** Checks a configuration as S3 does; InvalidArgument or InvalidRequest when it breaks a rule. */
    public static List<LifecycleRule> validate(List<LifecycleRule> rules) {
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw S3Errors.malformedXml();
        }
        Set<String> ids = new HashSet<>();
        for (LifecycleRule rule : rules) {
            if (rule.id().length() > MAX_ID_LENGTH) {
                throw invalidArgument("ID length should not exceed allowed limit of 255");
            }
            if (!ids.add(rule.id())) {
                throw invalidArgument("Rule ID must be unique. Found same ID for more than one rule");
            }
            if (rule.newerNoncurrentVersions().isPresent() && rule.noncurrentDays().isEmpty()) {
                throw S3Errors.malformedXml(); // S3's schema: NoncurrentVersionExpiration always has NoncurrentDays
            }
            boolean expires = rule.expirationDays().isPresent() || rule.expirationDate().isPresent();
            if (!expires && !rule.expiredObjectDeleteMarker() && rule.noncurrentDays().isEmpty()
                    && rule.transitions().isEmpty() && rule.noncurrentTransitions().isEmpty()
                    && rule.abortUploadDays().isEmpty()) {
                throw invalidRequest("At least one action needs to be specified in a rule");
            }
            if (rule.expirationDays().isPresent() && rule.expirationDate().isPresent()
                    || expires && rule.expiredObjectDeleteMarker()) {
                throw S3Errors.malformedXml();
            }
            if (rule.expirationDays().filter(days -> days <= 0).isPresent()) {
                throw invalidArgument("'Days' for Expiration action must be a positive integer");
            }
            if (rule.noncurrentDays().filter(days -> days <= 0).isPresent()) {
                throw invalidArgument("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive"
                        + " integer");
            }
            if (rule.newerNoncurrentVersions().filter(n -> n < 1 || n > MAX_NEWER_NONCURRENT).isPresent()) {
                throw invalidArgument("'NewerNoncurrentVersions' for NoncurrentVersionExpiration action must be a"
                        + " positive integer up to 100");
            }
            if (rule.expirationDate().filter(date -> !date.atZone(ZoneOffset.UTC).toLocalTime().equals(
                    java.time.LocalTime.MIDNIGHT)).isPresent()) {
                throw invalidArgument("'Date' must be at midnight GMT");
            }
            if (rule.expiredObjectDeleteMarker() && !rule.filter().tags().isEmpty()) {
                throw invalidRequest("ExpiredObjectDeleteMarker cannot be specified with object tag filters");
            }
            LifecycleRule.Filter filter = rule.filter();
            if (filter.sizeGreaterThan().isPresent() && filter.sizeLessThan().isPresent()
                    && filter.sizeGreaterThan().get() >= filter.sizeLessThan().get()) {
                throw invalidArgument("ObjectSizeGreaterThan must be less than ObjectSizeLessThan");
            }
            validateTransitions(rule);
            validateAbort(rule);
        }
        return List.copyOf(rules);
    }

    private static void validateTransitions(LifecycleRule rule) {
        Set<String> classes = new HashSet<>();
        boolean byDays = false;
        boolean byDate = false;
        for (LifecycleRule.Transition transition : rule.transitions()) {
            if (transition.days().isPresent() == transition.date().isPresent()
                    || !StorageClasses.TRANSITION_TARGETS.contains(transition.storageClass())) {
                throw S3Errors.malformedXml();
            }
            byDays |= transition.days().isPresent();
            byDate |= transition.date().isPresent();
            if (transition.days().filter(days -> days < 0).isPresent()) {
                throw invalidArgument("'Days' in Transition action must be nonnegative");
            }
            if (transition.days().filter(days -> days < 30).isPresent() && infrequentAccess(transition.storageClass())) {
                throw invalidArgument("'Days' in Transition action must be greater than or equal to 30 for"
                        + " storageClass '" + transition.storageClass() + "'");
            }
            if (transition.date().filter(date -> !date.atZone(ZoneOffset.UTC).toLocalTime().equals(
                    java.time.LocalTime.MIDNIGHT)).isPresent()) {
                throw invalidArgument("'Date' must be at midnight GMT");
            }
            if (!classes.add(transition.storageClass())) {
                throw invalidRequest("'StorageClass' must be different for 'Transition' actions in same 'Rule' with "
                        + filterDescription(rule));
            }
        }
        if (byDays && byDate) {
            throw invalidRequest("Found mixed 'Date' and 'Days' based Transition actions in lifecycle rule for "
                    + filterDescription(rule));
        }
        if (byDays && rule.expirationDate().isPresent() || byDate && rule.expirationDays().isPresent()) {
            throw invalidRequest("Found mixed 'Date' and 'Days' based Expiration and Transition actions in lifecycle"
                    + " rule for " + filterDescription(rule));
        }
        // an object only moves down the waterfall: a deeper class scheduled no later than a shallower one
        // would leave the shallower transition nothing to do
        for (LifecycleRule.Transition shallower : rule.transitions()) {
            for (LifecycleRule.Transition deeper : rule.transitions()) {
                if (StorageClasses.deeper(deeper.storageClass(), shallower.storageClass())
                        && !scheduledAfter(deeper, shallower)) {
                    String field = deeper.days().isPresent() ? "'Days'" : "'Date'";
                    throw invalidArgument(field + " in Transition action for StorageClass '" + deeper.storageClass()
                            + "' for " + filterDescription(rule) + " must be " + (deeper.days().isPresent()
                            ? "greater than " : "later than ") + field + " in the Transition action for"
                            + " StorageClass '" + shallower.storageClass() + "'");
                }
            }
        }
        for (LifecycleRule.Transition earlier : rule.transitions()) {
            for (LifecycleRule.Transition later : rule.transitions()) {
                if (earlier.days().isPresent() && later.days().isPresent()
                        && tooSoonAfterInfrequentAccess(earlier.storageClass(), earlier.days().get(),
                        later.storageClass(), later.days().get())) {
                    throw invalidArgument("'Days' in Transition action for StorageClass '" + later.storageClass()
                            + "' for " + filterDescription(rule) + " must be " + INFREQUENT_ACCESS_STAY_DAYS
                            + " days more than '" + filterDescription(rule) + "' in the Transition action for"
                            + " StorageClass '" + earlier.storageClass() + "'");
                }
            }
        }
        int lastTransition = rule.transitions().stream().flatMap(t -> t.days().stream()).mapToInt(d -> d).max()
                .orElse(-1);
        if (rule.expirationDays().filter(days -> days <= lastTransition).isPresent()) {
            throw invalidArgument("'Days' in the Expiration action for " + filterDescription(rule)
                    + " must be greater than 'Days' in the Transition action");
        }
        classes.clear();
        for (LifecycleRule.NoncurrentTransition transition : rule.noncurrentTransitions()) {
            if (transition.noncurrentDays().isEmpty()
                    || !StorageClasses.TRANSITION_TARGETS.contains(transition.storageClass())) {
                throw S3Errors.malformedXml();
            }
            int days = transition.noncurrentDays().get();
            if (days < 0) {
                throw invalidArgument("'NoncurrentDays' in NoncurrentVersionTransition action must be nonnegative");
            }
            if (days < 30 && infrequentAccess(transition.storageClass())) {
                throw invalidArgument("'NoncurrentDays' for NoncurrentVersionTransition action must be greater than or"
                        + " equal to 30 for storageClass '" + transition.storageClass() + "'");
            }
            if (transition.newerNoncurrentVersions().filter(n -> n < 1 || n > MAX_NEWER_NONCURRENT).isPresent()) {
                throw invalidArgument("'NewerNoncurrentVersions' for NoncurrentVersionTransition action must be a"
                        + " positive integer up to 100");
            }
            if (!classes.add(transition.storageClass())) {
                throw invalidRequest("'StorageClass' must be different for 'NoncurrentVersionTransition' actions in"
                        + " same 'Rule' with " + filterDescription(rule));
            }
            if (rule.noncurrentDays().filter(expiry -> expiry <= days).isPresent()) {
                throw invalidArgument("'NoncurrentDays' in the NoncurrentVersionExpiration action for "
                        + filterDescription(rule) + " must be greater than 'NoncurrentDays' in the"
                        + " NoncurrentVersionTransition action");
            }
        }
        for (LifecycleRule.NoncurrentTransition earlier : rule.noncurrentTransitions()) {
            for (LifecycleRule.NoncurrentTransition later : rule.noncurrentTransitions()) {
                if (StorageClasses.deeper(later.storageClass(), earlier.storageClass())
                        && later.noncurrentDays().orElseThrow() <= earlier.noncurrentDays().orElseThrow()) {
                    throw invalidArgument("'NoncurrentDays' in NoncurrentVersionTransition action for StorageClass '"
                            + later.storageClass() + "' for " + filterDescription(rule) + " must be greater than"
                            + " 'NoncurrentDays' in the NoncurrentVersionTransition action for StorageClass '"
                            + earlier.storageClass() + "'");
                }
                if (tooSoonAfterInfrequentAccess(earlier.storageClass(), earlier.noncurrentDays().orElseThrow(),
                        later.storageClass(), later.noncurrentDays().orElseThrow())) {
                    throw invalidArgument("'NoncurrentDays' in NoncurrentVersionTransition action for StorageClass '"
                            + later.storageClass() + "' for " + filterDescription(rule) + " must be "
                            + INFREQUENT_ACCESS_STAY_DAYS + " days more than '" + filterDescription(rule)
                            + "' in the NoncurrentVersionTransition action for StorageClass '"
                            + earlier.storageClass() + "'");
                }
            }
        }
    }

    /** Whether {@code later} falls after {@code earlier}; a rule's transitions are all by days or all by date. */
    private static boolean scheduledAfter(LifecycleRule.Transition later, LifecycleRule.Transition earlier) {
        if (later.days().isPresent() && earlier.days().isPresent()) {
            return later.days().get() > earlier.days().get();
        }
        return later.date().isPresent() && earlier.date().isPresent() && later.date().get().isAfter(earlier.date().get());
    }

    /**
     * S3 keeps an object at least 30 days in STANDARD_IA or ONEZONE_IA before moving it down the
     * waterfall again, so a deeper transition must come 30 days after one to those classes.
     */
    private static boolean tooSoonAfterInfrequentAccess(String earlierClass, int earlierDays, String laterClass,
                                                        int laterDays) {
        return infrequentAccess(earlierClass) && StorageClasses.deeper(laterClass, earlierClass)
                && laterDays < earlierDays + INFREQUENT_ACCESS_STAY_DAYS;
    }

    /** Uploads carry no tags and no size yet, so S3 refuses those filters on this action. */
    private static void validateAbort(LifecycleRule rule) {
        if (rule.abortUploadDays().isEmpty()) {
            return;
        }
        if (rule.abortUploadDays().get() <= 0) {
            throw invalidArgument("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive"
                    + " integer");
        }
        if (!rule.filter().tags().isEmpty()) {
            throw invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Tags.");
        }
        if (rule.filter().sizeGreaterThan().isPresent() || rule.filter().sizeLessThan().isPresent()) {
            throw invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Object Size.");
        }
    }

    /** How S3's messages name a rule's filter: {@code filter '(prefix=logs/)'}. */
    private static String filterDescription(LifecycleRule rule) {
        StringBuilder conditions = new StringBuilder("prefix=").append(rule.filter().prefix());
        rule.filter().tags().forEach((key, value) -> conditions.append(" and tag: key=").append(key)
                .append(", value=").append(value));
        return "filter '(" + conditions + ")'";
    }

    private static boolean infrequentAccess(String storageClass) {
        return storageClass.equals("STANDARD_IA") || storageClass.equals("ONEZONE_IA");
    }

    /** The document: a line with the minimum size setting, then one line per rule. */
    static String encode(LifecycleConfiguration configuration) {
        return escape(MINIMUM_SIZE_FIELD) + "=" + escape(configuration.minimumSize().awsName()) + "\n"
                + encode(configuration.rules());
    }

    /** A stored document; one kept before the minimum size was has S3's default. */
    static LifecycleConfiguration decodeConfiguration(String document) {
        TransitionMinimumSize minimumSize = TransitionMinimumSize.ALL_STORAGE_CLASSES_128K;
        String prefix = escape(MINIMUM_SIZE_FIELD) + "=";
        if (document.startsWith(prefix)) {
            int end = document.indexOf('\n');
            minimumSize = TransitionMinimumSize.of(unescape(document.substring(prefix.length(),
                    end < 0 ? document.length() : end)));
            document = end < 0 ? "" : document.substring(end + 1);
        }
        return new LifecycleConfiguration(decode(document), minimumSize);
    }

    static String encode(List<LifecycleRule> rules) {
        StringBuilder out = new StringBuilder();
        for (LifecycleRule rule : rules) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("id", rule.id());
            fields.put("enabled", Boolean.toString(rule.enabled()));
            fields.put("prefix", rule.filter().prefix());
            rule.filter().tags().forEach((key, value) -> fields.put("tag." + key, value));
            rule.filter().sizeGreaterThan().ifPresent(size -> fields.put("gt", Long.toString(size)));
            rule.filter().sizeLessThan().ifPresent(size -> fields.put("lt", Long.toString(size)));
            rule.expirationDays().ifPresent(days -> fields.put("days", Integer.toString(days)));
            rule.expirationDate().ifPresent(date -> fields.put("date", date.toString()));
            if (rule.expiredObjectDeleteMarker()) {
                fields.put("deleteMarkers", "true");
            }
            rule.noncurrentDays().ifPresent(days -> fields.put("noncurrentDays", Integer.toString(days)));
            rule.newerNoncurrentVersions().ifPresent(n -> fields.put("newerNoncurrent", Integer.toString(n)));
            for (int i = 0; i < rule.transitions().size(); i++) {
                LifecycleRule.Transition transition = rule.transitions().get(i);
                String name = "t." + i + ".";
                transition.days().ifPresent(days -> fields.put(name + "days", Integer.toString(days)));
                transition.date().ifPresent(date -> fields.put(name + "date", date.toString()));
                fields.put(name + "class", transition.storageClass());
            }
            for (int i = 0; i < rule.noncurrentTransitions().size(); i++) {
                LifecycleRule.NoncurrentTransition transition = rule.noncurrentTransitions().get(i);
                String name = "nt." + i + ".";
                transition.noncurrentDays().ifPresent(days -> fields.put(name + "days", Integer.toString(days)));
                transition.newerNoncurrentVersions().ifPresent(n -> fields.put(name + "newer", Integer.toString(n)));
                fields.put(name + "class", transition.storageClass());
            }
            rule.abortUploadDays().ifPresent(days -> fields.put("abortDays", Integer.toString(days)));
            List<String> encoded = new ArrayList<>();
            fields.forEach((name, value) -> encoded.add(escape(name) + "=" + escape(value)));
            out.append(String.join("&", encoded)).append('\n');
        }
        return out.toString();
    }

    static List<LifecycleRule> decode(String document) {
        List<LifecycleRule> rules = new ArrayList<>();
        for (String line : document.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> tags = new LinkedHashMap<>();
            for (String pair : line.split("&")) {
                int equals = pair.indexOf('=');
                String name = unescape(pair.substring(0, equals));
                String value = unescape(pair.substring(equals + 1));
                if (name.startsWith("tag.")) {
                    tags.put(name.substring(4), value);
                } else {
                    fields.put(name, value);
                }
            }
            rules.add(new LifecycleRule(fields.get("id"), Boolean.parseBoolean(fields.get("enabled")),
                    new LifecycleRule.Filter(fields.getOrDefault("prefix", ""), tags,
                            Optional.ofNullable(fields.get("gt")).map(Long::parseLong),
                            Optional.ofNullable(fields.get("lt")).map(Long::parseLong)),
                    Optional.ofNullable(fields.get("days")).map(Integer::parseInt),
                    Optional.ofNullable(fields.get("date")).map(Instant::parse),
                    Boolean.parseBoolean(fields.get("deleteMarkers")),
                    Optional.ofNullable(fields.get("noncurrentDays")).map(Integer::parseInt),
                    decodeTransitions(fields), decodeNoncurrentTransitions(fields),
                    Optional.ofNullable(fields.get("abortDays")).map(Integer::parseInt),
                    Optional.ofNullable(fields.get("newerNoncurrent")).map(Integer::parseInt)));
        }
        return rules;
    }

    private static List<LifecycleRule.Transition> decodeTransitions(Map<String, String> fields) {
        List<LifecycleRule.Transition> transitions = new ArrayList<>();
        for (int i = 0; fields.containsKey("t." + i + ".class"); i++) {
            transitions.add(new LifecycleRule.Transition(
                    Optional.ofNullable(fields.get("t." + i + ".days")).map(Integer::parseInt),
                    Optional.ofNullable(fields.get("t." + i + ".date")).map(Instant::parse),
                    fields.get("t." + i + ".class")));
        }
        return transitions;
    }

    private static List<LifecycleRule.NoncurrentTransition> decodeNoncurrentTransitions(Map<String, String> fields) {
        List<LifecycleRule.NoncurrentTransition> transitions = new ArrayList<>();
        for (int i = 0; fields.containsKey("nt." + i + ".class"); i++) {
            transitions.add(new LifecycleRule.NoncurrentTransition(
                    Optional.ofNullable(fields.get("nt." + i + ".days")).map(Integer::parseInt),
                    Optional.ofNullable(fields.get("nt." + i + ".newer")).map(Integer::parseInt),
                    fields.get("nt." + i + ".class")));
        }
        return transitions;
    }

    private static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String unescape(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static AwsException invalidArgument(String message) {
        return new AwsException("InvalidArgument", 400, message);
    }

    private static AwsException invalidRequest(String message) {
        return new AwsException("InvalidRequest", 400, message);
    }

}
