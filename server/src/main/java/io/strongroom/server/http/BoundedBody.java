package io.strongroom.server.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
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
        try (InputStream in = Content.Source.asInputStream(request)) {
            return declared >= 0 ? readDeclared(in, (int) declared) : readUndeclared(in, maxBytes);
        }
    }

    /**
     * A body of declared length goes straight into an array of that size: most API bodies are a few
     * hundred bytes, and a copy buffer and a growing stream per request were most of what a call allocated.
     */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        if (read < length) {
            throw new EOFException("request body ended after " + read + " of " + length + " bytes");
        }
        return body; // Jetty delivers no more than Content-Length
    }

    private static byte[] readUndeclared(InputStream in, long maxBytes) throws IOException, TooLargeException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (body.size() + (long) read > maxBytes) {
                throw new TooLargeException();
            }
            body.write(buffer, 0, read);
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
