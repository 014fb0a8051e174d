package io.strongroom.policy;

/**
 * An ARN pattern of the Arn* operators: each colon-separated component is matched on its own
 * (case-sensitively, with {@code *}/{@code ?}); the last component given takes the rest of the ARN,
 * so the resource part may contain colons.
 */
final class ArnPattern {
    private static final int COMPONENTS = 6;
    private final WildcardPattern[] components;

    private ArnPattern(WildcardPattern[] components) {
        this.components = components;
    }

    static ArnPattern compile(String text, boolean variables) {
        String[] parts = text.split(":", COMPONENTS);
        WildcardPattern[] components = new WildcardPattern[parts.length];
        for (int i = 0; i < parts.length; i++) {
            components[i] = WildcardPattern.glob(parts[i], variables, false);
        }
        return new ArnPattern(components);
    }

    boolean matches(String arn, PolicyVariableValues context) {
        int start = 0;
        int last = components.length - 1;
        for (int i = 0; i < last; i++) {
            int colon = arn.indexOf(':', start);
            if (colon < 0 || !components[i].matches(arn, start, colon, context)) {
                return false;
            }
            start = colon + 1;
        }
        return components[last].matches(arn, start, arn.length(), context);
    }
}
