package io.strongroom.server.http;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.server.net.IpLiteral;
import io.strongroom.server.net.TrustedProxies;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The caller's IP address ({@code aws:SourceIp}). It is the connection's peer unless that peer is
 * a trusted proxy; then it is the right-most {@code X-Forwarded-For} address that is not itself a
 * trusted proxy. Proxies append the address they saw on the right, so everything left of that
 * point was written by the caller and proves nothing. A header entry that is not an IP address is
 * refused: guessing an address would let the caller pick what IP conditions see.
 */
final class ClientAddress {

    private final TrustedProxies trustedProxies;

    ClientAddress(TrustedProxies trustedProxies) {
        this.trustedProxies = requireNonNull(trustedProxies, "trustedProxies");
    }

    /**
     * @param peerAddress  the TCP peer
     * @param forwardedFor every {@code X-Forwarded-For} header value, in arrival order
     * @throws AwsException InvalidParameterValue (400) when a trusted proxy forwarded a non-IP entry
     */
    String resolve(String peerAddress, List<String> forwardedFor) {
        if (forwardedFor.isEmpty() || trustedProxies.isEmpty()) {
            return peerAddress;
        }
        Optional<InetAddress> peer = IpLiteral.parse(peerAddress);
        if (peer.isEmpty() || !trustedProxies.trusts(peer.get())) {
            return peerAddress;
        }
        List<InetAddress> chain = parseChain(forwardedFor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trustedProxies.trusts(chain.get(i))) {
                return chain.get(i).getHostAddress();
            }
        }
        return chain.get(0).getHostAddress(); // every hop is a trusted proxy: the furthest one is the client
    }

    private static List<InetAddress> parseChain(List<String> headerValues) {
        List<InetAddress> chain = new ArrayList<>();
        for (String value : headerValues) {
            for (String entry : value.split(",", -1)) {
                chain.add(IpLiteral.parse(entry.strip()).orElseThrow(ClientAddress::invalidHeader));
            }
        }
        return chain;
    }

    private static AwsException invalidHeader() {
        return new AwsException("InvalidParameterValue", 400,
                "The X-Forwarded-For header must be a comma-separated list of IP addresses.");
    }
}
