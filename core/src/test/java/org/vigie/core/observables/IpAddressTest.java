package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.core.observables.Pasted.error;
import static org.vigie.core.observables.Pasted.normalised;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @Test
    void ipv4IsDottedDecimal() {
        assertThat(Pasted.observable("203.0.113.7").type()).isEqualTo(ObservableType.IPV4);
        assertThat(normalised(" 203[.]0[.]113[.]7 ")).isEqualTo("203.0.113.7");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"300.1.2.3", "1.2.3.256", "1234.1.2.3"})
    void ipv4PartsAboveTwoHundredFiftyFiveAreRefused(String address) {
        assertThat(error(address)).startsWith("not a valid IPv4 address: " + address);
    }

    @Test
    void leadingZerosAreRefusedBecauseToolsReadThemAsOctal() {
        assertThat(error("010.1.2.3")).contains("leading zeros are ambiguous");
        assertThat(normalised("10.0.0.0")).isEqualTo("10.0.0.0");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2001:db8::0:1, 2001:db8::1",
            "[2001:db8::1], 2001:db8::1",
            "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8::1:0:0:0:1, 2001:db8:0:1::1",
            "2001:DB8::, 2001:db8::"})
    void ipv6IsTheCompressedLowerCaseFormOfRfc5952(String entered, String canonical) {
        assertThat(Pasted.observable(entered).type()).isEqualTo(ObservableType.IPV6);
        assertThat(normalised(entered)).isEqualTo(canonical);
    }

    @Test
    void anIpv4MappedAddressIsToBeEnteredAsIpv4SoThatItMatches() {
        assertThat(error("::ffff:203.0.113.7")).contains("enter 203.0.113.7 instead");
    }

    @Test
    void aRangeIsRefusedBecauseKeysAreAddresses() {
        assertThat(Pasted.line("203.0.113.0/24").detectedType()).isEqualTo(ObservableType.IPV4);
        assertThat(error("203.0.113.0/24")).startsWith("a range is not an observable");
        assertThat(error("2001:db8::/32")).startsWith("a range is not an observable");
    }

    @Test
    void aZoneIndexIsRefusedBecauseItIsLocalToOneMachine() {
        assertThat(error("fe80::1%eth0")).contains("zone index");
    }

    @Test
    void anExplicitTypeChecksTheFamily() {
        assertThat(Pasted.PARSER.parse(ObservableType.IPV6, "203.0.113.7").error()).startsWith("not a valid IPv6 address");
        assertThat(Pasted.PARSER.parse(ObservableType.IPV4, "2001:db8::1").error()).startsWith("not a valid IPv4 address");
    }

    @Test
    void noHostNameIsEverResolved() {
        // A name that would resolve if anything tried: it must be refused as text, not looked up.
        assertThat(Pasted.PARSER.parse(ObservableType.IPV4, "localhost").error()).startsWith("not a valid IPv4 address");
        assertThat(Pasted.PARSER.parse(ObservableType.IPV6, "localhost").error()).startsWith("not a valid IPv6 address");
    }
}
