package io.strongroom.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.server.net.TrustedProxies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(TrustedProxies.parse("10.0.0.0/8, fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress direct = new ClientAddress(TrustedProxies.NONE);
        assertThat(direct.resolve("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(direct.resolve("198.51.100.9", List.of("not an address"))).isEqualTo("198.51.100.9");
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotChooseTheAddress() {
        assertThat(behindProxies.resolve("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(behindProxies.resolve("198.51.100.9", List.of("garbage"))).isEqualTo("198.51.100.9");
    }

    @Test
    void theRightMostAddressThatIsNoTrustedProxyIsTheCaller() {
        // the caller wrote 1.1.1.1 itself; the first proxy appended what it saw, 203.0.113.7
        assertThat(behindProxies.resolve("10.0.0.2", List.of("1.1.1.1, 203.0.113.7, 10.0.0.1")))
                .isEqualTo("203.0.113.7");
        assertThat(behindProxies.resolve("10.0.0.2", List.of("1.1.1.1", "203.0.113.7,10.9.9.9")))
                .isEqualTo("203.0.113.7");
        assertThat(behindProxies.resolve("fd00::2", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aChainOfOnlyTrustedProxiesGivesTheFurthestOne() {
        assertThat(behindProxies.resolve("10.0.0.2", List.of("10.1.1.1, 10.0.0.1"))).isEqualTo("10.1.1.1");
    }

    @Test
    void withoutTheHeaderThePeerIsTheCaller() {
        assertThat(behindProxies.resolve("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "", "203.0.113.7,", "203.0.113.256", "203.0.113.7:443", "[2001:db8::1]",
            "localhost", "example.com", "1.2.3", "0x7f.1.1.1", "fe80::1%eth0", "203.0.113.7 , , 10.0.0.1"})
    void aNonAddressFromATrustedProxyIsRefusedNotGuessed(String header) {
        assertThatThrownBy(() -> behindProxies.resolve("10.0.0.2", List.of(header)))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterValue");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }
}
