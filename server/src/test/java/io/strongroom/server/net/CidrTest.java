package io.strongroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    private static InetAddress ip(String text) {
        return IpLiteral.parse(text).orElseThrow();
    }

    @Test
    void containsAddressesInsideItsPrefixOnly() {
        Cidr block = Cidr.parse("192.168.4.0/22");
        assertThat(block.contains(ip("192.168.4.1"))).isTrue();
        assertThat(block.contains(ip("192.168.7.255"))).isTrue();
        assertThat(block.contains(ip("192.168.8.0"))).isFalse();
        assertThat(block.contains(ip("::ffff:192.168.4.1"))).isTrue(); // the JDK reads a mapped address as IPv4
        assertThat(Cidr.parse("2001:db8::/32").contains(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains(ip("2001:db9::1"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(ip("32.1.13.184"))).isFalse();
    }

    @Test
    void aBareAddressIsABlockOfOne() {
        Cidr one = Cidr.parse("10.0.0.1");
        assertThat(one).isEqualTo(new Cidr(ip("10.0.0.1"), 32));
        assertThat(one.contains(ip("10.0.0.1"))).isTrue();
        assertThat(one.contains(ip("10.0.0.2"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0/8", "proxy.internal", "::/129",
            "10.0.0.0/8/8", "256.0.0.0/8", "fe80::1%eth0/64"})
    void refusesWhatIsNoBlock(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trustedProxiesParseACommaSeparatedListAndNothingMeansNone() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.1");
        assertThat(proxies.trusts(ip("10.200.0.1"))).isTrue();
        assertThat(proxies.trusts(ip("192.168.1.1"))).isTrue();
        assertThat(proxies.trusts(ip("192.168.1.2"))).isFalse();
        assertThat(proxies.toString()).isEqualTo("10.0.0.0/8,192.168.1.1/32");
        assertThat(TrustedProxies.parse(" ")).isEqualTo(TrustedProxies.NONE);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8,")).isInstanceOf(IllegalArgumentException.class);
    }
}
