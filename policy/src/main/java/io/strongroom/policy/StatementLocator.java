package io.strongroom.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the text span of each statement object in a policy document, for explanations. Runs only when
 * asked (never while deciding) over a document that has already been parsed and validated.
 */
final class StatementLocator {
    private final String json;
    private int position;

    private StatementLocator(String json) {
        this.json = json;
    }

    /** The spans of the statements in document order; empty if the text cannot be followed (never for parsed documents). */
    static List<StatementPosition> locate(String json) {
        return new StatementLocator(json).statements();
    }

    private List<StatementPosition> statements() {
        List<StatementPosition> spans = new ArrayList<>();
        skipWhitespace();
        if (!consume('{')) {
            return List.of();
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                return List.of();
            }
            String key = string();
            skipWhitespace();
            if (key == null || !consume(':')) {
                return List.of();
            }
            skipWhitespace();
            if (key.equals("Statement")) {
                if (peek() == '{') {
                    spans.add(object());
                } else if (consume('[')) {
                    while (true) {
                        skipWhitespace();
                        if (peek() == ']') {
                            break;
                        }
                        spans.add(object());
                        skipWhitespace();
                        if (!consume(',')) {
                            break;
                        }
                    }
                }
                return spans.contains(null) ? List.of() : spans;
            }
            skipValue();
            skipWhitespace();
            if (!consume(',')) {
                return List.of();
            }
        }
    }

    /** Skips one object starting at the current position and returns its span; null when malformed. */
    private StatementPosition object() {
        int start = position;
        if (peek() != '{') {
            return null;
        }
        skipValue();
        int end = position - 1;
        if (end < start || json.charAt(end) != '}') {
            return null;
        }
        // IAM counts the column just past each brace (its documented examples show it).
        int[] from = lineAndColumn(start + 1);
        int[] to = lineAndColumn(end + 1);
        return new StatementPosition(from[0], from[1], to[0], to[1]);
    }

    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
            return;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (position < json.length()) {
                char d = json.charAt(position);
                if (d == '"') {
                    string();
                    continue;
                }
                position++;
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        return;
                    }
                }
            }
            return;
        }
        while (position < json.length() && ",}] \t\r\n".indexOf(json.charAt(position)) < 0) {
            position++;
        }
    }

    /** Reads a string token; returns its raw text (escapes are left as written). */
    private String string() {
        int start = ++position;
        while (position < json.length()) {
            char c = json.charAt(position);
            if (c == '\\') {
                position += 2;
            } else if (c == '"') {
                return json.substring(start, position++);
            } else {
                position++;
            }
        }
        return null;
    }

    private int[] lineAndColumn(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (json.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[]{line, offset - lineStart + 1};
    }

    private void skipWhitespace() {
        while (position < json.length() && Character.isWhitespace(json.charAt(position))) {
            position++;
        }
    }

    private char peek() {
        return position < json.length() ? json.charAt(position) : '\0';
    }

    private boolean consume(char expected) {
        if (peek() == expected) {
            position++;
            return true;
        }
        return false;
    }
}
