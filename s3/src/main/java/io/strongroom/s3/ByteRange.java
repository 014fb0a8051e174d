package io.strongroom.s3;

/**
 * An HTTP byte range as sent ({@code bytes=first-last}, {@code bytes=first-} or the suffix
 * {@code bytes=-n}), resolved against an object's size by {@link #resolve}.
 *
 * @param first  the first byte, or -1 for a suffix range
 * @param last   the last byte, or -1 when open-ended
 * @param suffix for a suffix range, how many bytes from the end
 */
public record ByteRange(long first, long last, long suffix) {

    /** The first and last byte this range selects of an object of {@code size} bytes; InvalidRange when none. */
    long[] resolve(long size) {
        if (first < 0) {
            if (suffix <= 0 || size == 0) {
                throw S3Errors.invalidRange();
            }
            return new long[] {Math.max(0, size - suffix), size - 1};
        }
        if (first >= size) {
            throw S3Errors.invalidRange();
        }
        return new long[] {first, last < 0 ? size - 1 : Math.min(last, size - 1)};
    }
}
