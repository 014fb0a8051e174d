package io.strongroom.testing;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that flips one byte of a request body on its way out, after the SDK has signed and
 * checksummed it: what a corrupting network or a meddling proxy would do.
 */
final class TamperingHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private volatile long flipAt = -1;

    TamperingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /** The next requests' body byte at {@code offset} is flipped; -1 to stop. */
    void flipByteAt(long offset) {
        flipAt = offset;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        long offset = flipAt;
        if (offset < 0 || request.contentStreamProvider().isEmpty()) {
            return delegate.prepareRequest(request);
        }
        ContentStreamProvider original = request.contentStreamProvider().get();
        ContentStreamProvider tampered = () -> new FilterInputStream(original.newStream()) {
            private long position;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && position++ == offset) {
                    return b ^ 0x01;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int from, int length) throws IOException {
                int n = super.read(buffer, from, length);
                if (n > 0 && offset >= position && offset < position + n) {
                    buffer[from + (int) (offset - position)] ^= 0x01;
                }
                position += Math.max(n, 0);
                return n;
            }
        };
        return delegate.prepareRequest(HttpExecuteRequest.builder().request(request.httpRequest())
                .contentStreamProvider(tampered).metricCollector(request.metricCollector().orElse(null)).build());
    }

    @Override
    public String clientName() {
        return "tampering-" + delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
