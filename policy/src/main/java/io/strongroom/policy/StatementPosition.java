package io.strongroom.policy;

/**
 * Where a statement stands in its policy document's text, as IAM's policy simulator reports it
 * (StartPosition and EndPosition of a matched statement): lines and columns count from 1; the start is
 * the column just past the statement's opening brace and the end the column just past its closing brace,
 * as in the AWS CLI reference's examples.
 */
public record StatementPosition(int startLine, int startColumn, int endLine, int endColumn) {
}
