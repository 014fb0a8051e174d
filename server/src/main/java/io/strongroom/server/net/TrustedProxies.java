package io.strongroom.server.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The proxies whose {@code X-Forwarded-For} header the server believes: a list of address blocks,
 * none by default.
 *
 * @param blocks the trusted blocks
 */
public record TrustedProxies(List<Cidr> blocks) {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    public TrustedProxies {
        blocks = List.copyOf(blocks);
    }

    /** Parses comma-separated CIDR blocks; an empty text trusts nobody. */
    public static TrustedProxies parse(String text) {
        if (text.isBlank()) {
            return NONE;
        }
        return new TrustedProxies(Arrays.stream(text.split(",", -1)).map(Cidr::parse).toList());
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    @Override
    public String toString() {
        return blocks.stream().map(Cidr::toString).collect(Collectors.joining(","));
    }
}
