package io.strongroom.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text pattern compiled once at parse time: {@code *} and {@code ?} wildcards (when enabled) and
 * policy variables such as {@code ${aws:username}} (when the policy version allows them).
 *
 * <p>Matching splits the pattern into the fixed-length runs between stars and places each run at its
 * leftmost fit, which is exact for star/question-mark globs. No regex, no allocation per match.
 * A variable's value is inserted literally: wildcard characters in a tag value never widen a match.
 */
final class WildcardPattern {

    sealed interface Part permits Literal, AnyChar, Variable {
    }

    record Literal(String text) implements Part {
    }

    enum AnyChar implements Part { INSTANCE }

    /** A policy variable; {@code fallback} is the optional default value, else null. */
    record Variable(String key, String fallback) implements Part {
    }

    private final String source;
    private final boolean ignoreCase;
    private final boolean hasStar;
    private final boolean startAnchored;
    private final boolean endAnchored;
    private final String plainLiteral;
    private final Part[][] runs;
    /** Per run, its leading literal when the match is case-sensitive: found with indexOf, not char by char. */
    private final String[] runHeads;

    private WildcardPattern(String source, boolean ignoreCase, boolean hasStar, boolean startAnchored,
                            boolean endAnchored, Part[][] runs) {
        this.source = source;
        this.ignoreCase = ignoreCase;
        this.hasStar = hasStar;
        this.startAnchored = startAnchored;
        this.endAnchored = endAnchored;
        this.runs = runs;
        this.runHeads = new String[runs.length];
        for (int i = 0; i < runs.length; i++) {
            if (!ignoreCase && runs[i].length > 0 && runs[i][0] instanceof Literal head) {
                runHeads[i] = head.text();
            }
        }
        this.plainLiteral = !hasStar && runs.length == 1 && runs[0].length == 1 && runs[0][0] instanceof Literal l
                ? l.text() : (!hasStar && runs.length == 1 && runs[0].length == 0 ? "" : null);
    }

    /** A glob: {@code *} matches any run of characters, {@code ?} any single character. */
    static WildcardPattern glob(String text, boolean variables, boolean ignoreCase) {
        return compile(text, true, variables, ignoreCase);
    }

    /** An exact value (wildcard characters are literal), possibly with variables. */
    static WildcardPattern exact(String text, boolean variables, boolean ignoreCase) {
        return compile(text, false, variables, ignoreCase);
    }

    String source() {
        return source;
    }

    /** No wildcard and no variable: the pattern is one fixed text. */
    boolean isPlainLiteral() {
        return plainLiteral != null;
    }

    boolean matchesEverything() {
        return hasStar && runs.length == 0;
    }

    boolean matches(String text, PolicyVariableValues context) {
        return matches(text, 0, text.length(), context);
    }

    /** Whether {@code text[from, to)} matches; variables resolve against {@code context} (may be null). */
    boolean matches(String text, int from, int to, PolicyVariableValues context) {
        if (plainLiteral != null) {
            return to - from == plainLiteral.length() && regionMatches(text, from, plainLiteral);
        }
        if (!hasStar) {
            int length = runLength(runs[0], context);
            return length == to - from && matchRunAt(runs[0], text, from, context);
        }
        int position = from;
        int end = to;
        int first = 0;
        int last = runs.length;
        if (startAnchored) {
            int length = runLength(runs[0], context);
            if (length < 0 || position + length > end || !matchRunAt(runs[0], text, position, context)) {
                return false;
            }
            position += length;
            first = 1;
        }
        if (endAnchored && last - 1 >= first) {
            Part[] run = runs[last - 1];
            int length = runLength(run, context);
            int start = end - length;
            if (length < 0 || start < position || !matchRunAt(run, text, start, context)) {
                return false;
            }
            end = start;
            last--;
        }
        for (int i = first; i < last; i++) {
            Part[] run = runs[i];
            int length = runLength(run, context);
            if (length < 0) {
                return false;
            }
            int found = -1;
            String head = runHeads[i];
            for (int start = position; start + length <= end; start++) {
                if (head != null) {
                    start = text.indexOf(head, start);
                    if (start < 0 || start + length > end) {
                        break;
                    }
                }
                if (matchRunAt(run, text, start, context)) {
                    found = start;
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            position = found + length;
        }
        return true;
    }

    private static int runLength(Part[] run, PolicyVariableValues context) {
        int length = 0;
        for (Part part : run) {
            switch (part) {
                case Literal literal -> length += literal.text().length();
                case AnyChar any -> length++;
                case Variable variable -> {
                    String value = resolve(variable, context);
                    if (value == null) {
                        return -1;
                    }
                    length += value.length();
                }
            }
        }
        return length;
    }

    private boolean matchRunAt(Part[] run, String text, int start, PolicyVariableValues context) {
        int position = start;
        for (Part part : run) {
            switch (part) {
                case Literal literal -> {
                    String value = literal.text();
                    if (!regionMatches(text, position, value)) {
                        return false;
                    }
                    position += value.length();
                }
                case AnyChar any -> position++;
                case Variable variable -> {
                    String value = resolve(variable, context);
                    if (value == null || !regionMatches(text, position, value)) {
                        return false;
                    }
                    position += value.length();
                }
            }
        }
        return true;
    }

    /** Whether {@code value} occurs in {@code text} at {@code position}, ignoring case when this pattern does. */
    private boolean regionMatches(String text, int position, String value) {
        return ignoreCase ? text.regionMatches(true, position, value, 0, value.length())
                : text.startsWith(value, position);
    }

    private static String resolve(Variable variable, PolicyVariableValues context) {
        String value = context == null ? null : context.singleValue(variable.key());
        return value != null ? value : variable.fallback();
    }

    private static WildcardPattern compile(String text, boolean wildcards, boolean variables, boolean ignoreCase) {
        List<Part[]> runs = new ArrayList<>();
        List<Part> run = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean hasStar = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (wildcards && c == '*') {
                flush(literal, run, ignoreCase);
                runs.add(run.toArray(Part[]::new));
                run.clear();
                hasStar = true;
                i++;
            } else if (wildcards && c == '?') {
                flush(literal, run, ignoreCase);
                run.add(AnyChar.INSTANCE);
                i++;
            } else if (variables && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{'
                    && text.indexOf('}', i + 2) > 0) {
                int close = text.indexOf('}', i + 2);
                Part variable = PolicyVariables.parse(text.substring(i + 2, close));
                if (variable instanceof Literal special) {
                    literal.append(special.text());
                } else {
                    flush(literal, run, ignoreCase);
                    run.add(variable);
                }
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, run, ignoreCase);
        runs.add(run.toArray(Part[]::new));
        if (!hasStar) {
            return new WildcardPattern(text, ignoreCase, false, true, true, runs.toArray(Part[][]::new));
        }
        boolean startAnchored = runs.getFirst().length > 0;
        boolean endAnchored = runs.getLast().length > 0;
        Part[][] nonEmpty = runs.stream().filter(r -> r.length > 0).toArray(Part[][]::new);
        return new WildcardPattern(text, ignoreCase, true, startAnchored, endAnchored, nonEmpty);
    }

    private static void flush(StringBuilder literal, List<Part> run, boolean ignoreCase) {
        if (!literal.isEmpty()) {
            String text = literal.toString();
            run.add(new Literal(ignoreCase ? text.toLowerCase(Locale.ROOT) : text));
            literal.setLength(0);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
