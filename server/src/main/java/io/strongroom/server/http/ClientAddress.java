package io.strongroom.server.http;

import java.util.Optional;

/**
 * The caller's IP address ({@code aws:SourceIp}): the connection's peer, or, only when the
 * operator says a proxy in front sets it, the left-most {@code X-Forwarded-For} address.
 */
final class ClientAddress {

    private final boolean trustForwardedFor;

    ClientAddress(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    String resolve(String peerAddress, Optional<String> forwardedFor) {
        if (trustForwardedFor && forwardedFor.isPresent()) {
            String first = forwardedFor.get().split(",", 2)[0].strip();
            if (!first.isEmpty()) {
                return first;
            }
        }
        return peerAddress;
    }
}
