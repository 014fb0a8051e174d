package io.strongroom.policy;

/** IpAddress / NotIpAddress: the request address inside any of the CIDR blocks. */
final class IpValueMatcher implements ValueMatcher {
    private final IpAddressRange[] ranges;

    IpValueMatcher(IpAddressRange[] ranges) {
        this.ranges = ranges.clone();
    }

    @Override
    public int match(String requestValue, EvaluationContext context) {
        long ipv4 = context.ipv4(requestValue);
        if (ipv4 >= 0) {
            for (IpAddressRange range : ranges) {
                if (range.containsIpv4(ipv4)) {
                    return MATCH;
                }
            }
            return NO_MATCH;
        }
        byte[] address = context.address(requestValue);
        if (address == null) {
            return INVALID;
        }
        for (IpAddressRange range : ranges) {
            if (range.contains(address)) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }
}
