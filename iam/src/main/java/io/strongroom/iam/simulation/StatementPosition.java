package io.strongroom.iam.simulation;

/**
 * A place in a policy document's text, as IAM reports the start and end of a matched statement: the
 * one-based line, and the one-based column just past the statement's opening or closing brace.
 */
public record StatementPosition(int line, int column) {
    public StatementPosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are one-based: " + line + ":" + column);
        }
    }
}
