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
    private final IdentityTargetGuard targets;

    TagOperations(IdentityRepository repository, GuardedOperations guard) {
        this.repository = requireNonNull(repository, "repository");
        this.targets = new IdentityTargetGuard(new IdentityLookup(repository), guard);
    }

    void tag(CallContext call, PrincipalKind kind, String name, List<Tag> tags) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        if (tags.isEmpty()) {
            throw IamErrors.validation("1 validation error detected: Value '[]' at 'tags' failed to satisfy"
                    + " constraint: Member must have length greater than or equal to 1");
        }
        InputValidator.tags(tags);
        targets.write(call, "iam:Tag" + IdentityTarget.title(kind), kind, name, TagConditionKeys.request(tags),
                target -> {
                    Map<String, String> merged = caseInsensitiveMerge(target.tags(), tags);
                    if (merged.size() > InputValidator.MAX_TAGS) {
                        throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
                    }
                    store(account, target, merged);
                });
    }

    void untag(CallContext call, PrincipalKind kind, String name, List<String> tagKeys) {
        String account = call.principal().accountId();
        IdentityTarget.validName(kind, name);
        if (tagKeys.isEmpty() || tagKeys.size() > InputValidator.MAX_TAGS) {
            throw IamErrors.validation("1 validation error detected: Value '" + InputValidator.abbreviated(tagKeys.toString())
                    + "' at 'tagKeys' failed to satisfy constraint: Member must have length between 1 and 50");
        }
        tagKeys.forEach(k -> InputValidator.matching("tagKeys.member", k, 1, 128,
                java.util.regex.Pattern.compile(InputValidator.TAG_KEY_PATTERN), InputValidator.TAG_KEY_PATTERN));
        targets.write(call, "iam:Untag" + IdentityTarget.title(kind), kind, name, Map.of("aws:TagKeys", tagKeys),
                target -> {
                    Map<String, String> remaining = new LinkedHashMap<>(target.tags());
                    remaining.keySet().removeIf(k -> tagKeys.stream().anyMatch(k::equalsIgnoreCase));
                    store(account, target, remaining);
                });
    }

    Page<Tag> list(CallContext call, PrincipalKind kind, String name, PageRequest page) {
        IdentityTarget.validName(kind, name);
        InputValidator.maxItems(page);
        return targets.read(call, "iam:List" + IdentityTarget.title(kind) + "Tags", kind, name, target -> {
            List<Tag> tags = target.tags().entrySet().stream()
                    .map(e -> new Tag(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparing(Tag::key))
                    .toList();
            return InMemoryPages.page(tags, Tag::key, page);
        });
    }

    private void store(String account, IdentityTarget target, Map<String, String> tags) {
        switch (target.kind()) {
            case USER -> repository.setUserTags(account, target.name(), tags);
            case ROLE -> repository.setRoleTags(account, target.name(), tags);
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
