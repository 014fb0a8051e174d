package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParsingTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            "203.0.113.7, 203.0.113.0/24, true",
            "203.0.114.7, 203.0.113.0/24, false",
            "10.1.2.3, 10.0.0.0/8, true",
            "11.1.2.3, 10.0.0.0/8, false",
            "192.0.2.1, 192.0.2.1, true",
            "192.0.2.2, 192.0.2.1/32, false",
            "1.2.3.4, 0.0.0.0/0, true",
            "10.0.0.129, 10.0.0.128/25, true",
            "10.0.0.127, 10.0.0.128/25, false",
            "2001:db8::1, 2001:db8::/32, true",
            "2001:db9::1, 2001:db8::/32, false",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1/128, true",
            "::1, ::1/128, true",
            "::ffff:192.0.2.1, ::ffff:192.0.2.0/120, true",
            "192.0.2.1, ::/0, false",
    })
    void cidrContainment(String address, String cidr, boolean expected) {
        byte[] parsed = IpAddressRange.parseAddress(address);
        assertThat(parsed).isNotNull();
        assertThat(IpAddressRange.parse(cidr).contains(parsed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3", "1.2.3.4.5", "a.b.c.d", "1..2.3", "2001:db8:::1", "1:2:3:4:5:6:7:8:9",
            "2001:db8::1::2", "example.com", "", "12345::", ":1::"})
    void invalidAddressesAreRejectedWithoutLookup(String address) {
        assertThat(IpAddressRange.parseAddress(address)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "2001:db8::/129", "host/8"})
    void invalidCidrBlocksThrow(String cidr) {
        assertThatThrownBy(() -> IpAddressRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2024-03-01T12:30:45Z, 2024-03-01T12:30:45Z",
            "2024-03-01T12:30:45.250Z, 2024-03-01T12:30:45.250Z",
            "2024-03-01T13:30:45+01:00, 2024-03-01T12:30:45Z",
            "2024-03-01, 2024-03-01T00:00:00Z",
            "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z",
            "1709296245, 2024-03-01T12:30:45Z",
            "1900-01-01T00:00:00Z, 1900-01-01T00:00:00Z",
    })
    void datesInEveryAcceptedForm(String text, String instant) {
        assertThat(Timestamps.parseEpochMillis(text)).isEqualTo(Instant.parse(instant).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "yesterday", "2024-03-01T25:00:00Z", "-"})
    void invalidDatesAreRejected(String text) {
        assertThat(Timestamps.parseEpochMillis(text)).isEqualTo(Timestamps.INVALID);
    }

    @Test
    void numbersMustBePlainDecimals() {
        assertThat(NumericValueMatcher.parse("10")).isEqualByComparingTo("10");
        assertThat(NumericValueMatcher.parse("-1.5")).isEqualByComparingTo("-1.5");
        assertThat(NumericValueMatcher.parse("1e3")).isNull();
        assertThat(NumericValueMatcher.parse("ten")).isNull();
        assertThat(NumericValueMatcher.parse("")).isNull();
    }
}
