package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tag, Untag and List tags of users and roles. */
final class TagOperations {
    private final IdentityRepository repository;
    private final IdentityLookup lookup;
    private final GuardedOperations guard;

    TagOperations(IdentityRepository repository, GuardedOperations guard) {
        this.repository = requireNonNull(repository, "repository");
        this.lookup = new IdentityLookup(repository);
        this.guard = requireNonNull(guard, "guard");
    }

    void tag(CallContext call, PrincipalKind kind, String name, List<Tag> tags) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        if (tags.isEmpty()) {
            throw IamErrors.validation("1 validation error detected: Value '[]' at 'tags' failed to satisfy"
                    + " constraint: Member must have length greater than or equal to 1");
        }
        InputValidator.tags(tags);
        Map<String, List<String>> conditionKeys = TagConditionKeys.merge(TagConditionKeys.request(tags),
                TagConditionKeys.resource(currentTags(account, kind, name)));
        guard.write(call, "iam:Tag" + IdentityTarget.title(kind), IdentityTarget.arnFor(lookup, account, kind, name),
                conditionKeys, () -> {
                    Map<String, String> merged = caseInsensitiveMerge(storedTags(account, kind, name), tags);
                    if (merged.size() > InputValidator.MAX_TAGS) {
                        throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
                    }
                    store(account, kind, name, merged);
                    return null;
                });
    }

    void untag(CallContext call, PrincipalKind kind, String name, List<String> tagKeys) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        if (tagKeys.isEmpty() || tagKeys.size() > InputValidator.MAX_TAGS) {
            throw IamErrors.validation("1 validation error detected: Value '" + tagKeys
                    + "' at 'tagKeys' failed to satisfy constraint: Member must have length between 1 and 50");
        }
        tagKeys.forEach(k -> InputValidator.matching("tagKeys.member", k, 1, 128,
                java.util.regex.Pattern.compile(InputValidator.TAG_KEY_PATTERN), InputValidator.TAG_KEY_PATTERN));
        Map<String, List<String>> conditionKeys = TagConditionKeys.merge(Map.of("aws:TagKeys", tagKeys),
                TagConditionKeys.resource(currentTags(account, kind, name)));
        guard.write(call, "iam:Untag" + IdentityTarget.title(kind), IdentityTarget.arnFor(lookup, account, kind, name),
                conditionKeys, () -> {
                    Map<String, String> remaining = new LinkedHashMap<>(storedTags(account, kind, name));
                    remaining.keySet().removeIf(k -> tagKeys.stream().anyMatch(k::equalsIgnoreCase));
                    store(account, kind, name, remaining);
                    return null;
                });
    }

    Page<Tag> list(CallContext call, PrincipalKind kind, String name, PageRequest page) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        InputValidator.maxItems(page);
        return guard.read(call, "iam:List" + IdentityTarget.title(kind) + "Tags",
                IdentityTarget.arnFor(lookup, account, kind, name), () -> {
                    List<Tag> tags = storedTags(account, kind, name).entrySet().stream()
                            .map(e -> new Tag(e.getKey(), e.getValue()))
                            .sorted(Comparator.comparing(Tag::key))
                            .toList();
                    return InMemoryPages.page(tags, Tag::key, page);
                });
    }

    /** Tags for condition keys before the entity is known to exist: none when it does not. */
    private Map<String, String> currentTags(String account, PrincipalKind kind, String name) {
        return switch (kind) {
            case USER -> repository.findUser(account, name).map(User::tags).orElse(Map.of());
            case ROLE -> repository.findRole(account, name).map(Role::tags).orElse(Map.of());
            case GROUP -> throw new IllegalArgumentException("groups have no tags");
        };
    }

    private Map<String, String> storedTags(String account, PrincipalKind kind, String name) {
        return switch (kind) {
            case USER -> lookup.user(account, name).tags();
            case ROLE -> lookup.role(account, name).tags();
            case GROUP -> throw new IllegalArgumentException("groups have no tags");
        };
    }

    private void store(String account, PrincipalKind kind, String name, Map<String, String> tags) {
        switch (kind) {
            case USER -> repository.setUserTags(account, lookup.user(account, name).userName(), tags);
            case ROLE -> repository.setRoleTags(account, lookup.role(account, name).roleName(), tags);
            case GROUP -> throw new IllegalArgumentException("groups have no tags");
        }
    }

    /** Tag keys are case-insensitive in IAM: a new value replaces the old one whatever its case. */
    private static Map<String, String> caseInsensitiveMerge(Map<String, String> existing, List<Tag> added) {
        Map<String, String> merged = new LinkedHashMap<>(existing);
        for (Tag tag : added) {
            merged.keySet().removeIf(k -> k.equalsIgnoreCase(tag.key()));
            merged.put(tag.key(), tag.value());
        }
        return merged;
    }
}
