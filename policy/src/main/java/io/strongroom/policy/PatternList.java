package io.strongroom.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The values of an Action or Resource element: matches when any pattern does. */
final class PatternList {
    private final WildcardPattern[] patterns;
    private final boolean everything;

    PatternList(List<WildcardPattern> patterns) {
        this.patterns = patterns.toArray(WildcardPattern[]::new);
        this.everything = patterns.stream().anyMatch(WildcardPattern::matchesEverything);
    }

    /**
     * For action patterns: the lower-cased services they name (the text before the colon), or null
     * when some pattern has no service prefix ({@code *}) and so may match any action.
     */
    Set<String> services() {
        Set<String> services = new LinkedHashSet<>();
        for (WildcardPattern pattern : patterns) {
            int colon = pattern.source().indexOf(':');
            if (colon < 0) {
                return null;
            }
            services.add(pattern.source().substring(0, colon).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(services);
    }

    boolean matches(String text, PolicyVariableValues context) {
        if (everything) {
            return true;
        }
        for (WildcardPattern pattern : patterns) {
            if (pattern.matches(text, context)) {
                return true;
            }
        }
        return false;
    }
}
