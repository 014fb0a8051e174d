package io.strongroom.policy;

/**
 * An IPv4 or IPv6 CIDR block of the IpAddress operators. A bare address is a /32 or /128.
 * Addresses are parsed by hand: no name lookups can ever happen here. IPv4 blocks also keep their
 * network and mask as numbers, so the common IPv4 test is one masked comparison and allocates nothing.
 */
final class IpAddressRange {
    private final byte[] network;
    private final int prefixLength;
    private final boolean ipv4;
    private final int ipv4Network;
    private final int ipv4Mask;

    IpAddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.ipv4 = network.length == 4;
        this.ipv4Mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        this.ipv4Network = ipv4 ? toInt(network) & ipv4Mask : 0;
    }

    boolean isIpv4() {
        return ipv4;
    }

    /** Whether an IPv4 address given as {@link #parseIpv4} returns it lies in this (IPv4) block. */
    boolean containsIpv4(long address) {
        return ipv4 && ((int) address & ipv4Mask) == ipv4Network;
    }

    private static int toInt(byte[] address) {
        return (address[0] & 0xFF) << 24 | (address[1] & 0xFF) << 16 | (address[2] & 0xFF) << 8 | (address[3] & 0xFF);
    }

    /** A dotted-quad IPv4 address as an unsigned 32-bit number; -1 when the text is not one. Allocates nothing. */
    static long parseIpv4(String text) {
        long result = 0;
        int octets = 0;
        int value = 0;
        int digitCount = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '.';
            if (c == '.') {
                if (digitCount == 0 || octets > 3) {
                    return -1;
                }
                result = result << 8 | value;
                octets++;
                value = 0;
                digitCount = 0;
            } else if (c >= '0' && c <= '9' && digitCount < 3) {
                value = value * 10 + (c - '0');
                digitCount++;
                if (value > 255) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return octets == 4 ? result : -1;
    }

    /** Parses {@code 203.0.113.0/24} or {@code 2001:db8::/32}; throws IllegalArgumentException when invalid. */
    static IpAddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] address = parseAddress(host);
        if (address == null) {
            throw new IllegalArgumentException(cidr);
        }
        int maxPrefix = address.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String digits = cidr.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException(cidr);
            }
            prefix = Integer.parseInt(digits);
            if (prefix > maxPrefix) {
                throw new IllegalArgumentException(cidr);
            }
        }
        return new IpAddressRange(address, prefix);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** An IPv4 (4 bytes) or IPv6 (16 bytes) literal; null when the text is not one. */
    static byte[] parseAddress(String text) {
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    private static byte[] parseV4(String text) {
        byte[] out = new byte[4];
        return parseV4Into(text, out, 0) ? out : null;
    }

    private static boolean parseV4Into(String text, byte[] out, int offset) {
        int octet = 0;
        int value = 0;
        int digitCount = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digitCount == 0 || octet > 3) {
                    return false;
                }
                out[offset + octet++] = (byte) value;
                value = 0;
                digitCount = 0;
            } else if (c >= '0' && c <= '9' && digitCount < 3) {
                value = value * 10 + (c - '0');
                digitCount++;
                if (value > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return octet == 4;
    }

    private static byte[] parseV6(String text) {
        byte[] out = new byte[16];
        int compressAt = -1;
        int word = 0;
        int i = 0;
        int n = text.length();
        if (text.startsWith("::")) {
            compressAt = 0;
            i = 2;
        } else if (text.startsWith(":")) {
            return null;
        }
        while (i < n) {
            if (word >= 8) {
                return null;
            }
            int end = i;
            while (end < n && text.charAt(end) != ':') {
                end++;
            }
            String group = text.substring(i, end);
            if (group.indexOf('.') >= 0) {
                if (end != n || word > 6 || !parseV4Into(group, out, word * 2)) {
                    return null;
                }
                word += 2;
                i = end;
                break;
            }
            if (group.isEmpty() || group.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < group.length(); k++) {
                int hex = Character.digit(group.charAt(k), 16);
                if (hex < 0) {
                    return null;
                }
                value = value * 16 + hex;
            }
            out[word * 2] = (byte) (value >> 8);
            out[word * 2 + 1] = (byte) value;
            word++;
            if (end == n) {
                i = end;
                break;
            }
            if (end + 1 < n && text.charAt(end + 1) == ':') {
                if (compressAt >= 0) {
                    return null;
                }
                compressAt = word;
                i = end + 2;
            } else if (end + 1 == n) {
                return null;
            } else {
                i = end + 1;
            }
        }
        if (compressAt < 0) {
            return word == 8 ? out : null;
        }
        if (word == 8) {
            return null;
        }
        int tailWords = word - compressAt;
        byte[] expanded = new byte[16];
        System.arraycopy(out, 0, expanded, 0, compressAt * 2);
        System.arraycopy(out, compressAt * 2, expanded, 16 - tailWords * 2, tailWords * 2);
        return expanded;
    }
}
