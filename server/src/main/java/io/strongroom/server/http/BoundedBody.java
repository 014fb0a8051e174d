package io.strongroom.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads a request body whole, refusing one larger than a bound before reading past it. */
final class BoundedBody {

    private BoundedBody() {
    }

    /** Thrown when the body exceeds the bound. */
    static final class TooLargeException extends Exception {
        TooLargeException() {
            super("request body too large", null, false, false);
        }
    }

    static byte[] read(Request request, long maxBytes) throws IOException, TooLargeException {
        long declared = request.getLength();
        if (declared > maxBytes) {
            throw new TooLargeException();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buffer = new byte[8192];
        try (InputStream in = Content.Source.asInputStream(request)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (body.size() + (long) read > maxBytes) {
                    throw new TooLargeException();
                }
                body.write(buffer, 0, read);
            }
        }
        return body.toByteArray();
    }

    /**
     * Reads and drops what is left of a refused body, up to {@code limit} bytes, so that the client
     * finishes sending and reads the error before the connection closes: closing with unread bytes
     * makes TCP reset the connection, and the reset can destroy the answer in flight. A body beyond the
     * limit is not worth the bandwidth; the connection then just closes.
     */
    static void discardRemaining(Request request, long limit) {
        long declared = request.getLength();
        if (declared > limit) {
            return;
        }
        byte[] buffer = new byte[8192];
        long discarded = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
            int read;
            while (discarded < limit && (read = in.read(buffer)) != -1) {
                discarded += read;
            }
        } catch (IOException e) {
            // the client went away: nothing left to protect
        }
    }
}
