package org.orrery.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateAddressesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.9.9.9",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "::ffff:10.0.0.1",
                "::127.0.0.1",
                "64:ff9b::a00:1"
            })
    void privateAddresses(String literal) throws UnknownHostException {
        assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"93.184.215.14", "172.32.0.1", "100.128.0.1", "8.8.8.8", "2606:4700::1111", "64:ff9b::808:808"})
    void publicAddresses(String literal) throws UnknownHostException {
        assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(literal))).isFalse();
    }

    @Test
    void aUrlNamesAPrivateAddressOnlyByLiteralOrLocalhost() {
        assertThat(PrivateAddresses.namedBy(URI.create("http://127.0.0.1:8080/feed")))
                .isTrue();
        assertThat(PrivateAddresses.namedBy(URI.create("http://[::1]/feed"))).isTrue();
        assertThat(PrivateAddresses.namedBy(URI.create("http://localhost/feed")))
                .isTrue();
        assertThat(PrivateAddresses.namedBy(URI.create("http://planet.localhost/feed")))
                .isTrue();
        assertThat(PrivateAddresses.namedBy(URI.create("http://192.168.0.10/feed")))
                .isTrue();
        assertThat(PrivateAddresses.namedBy(URI.create("https://example.org/feed")))
                .isFalse();
        assertThat(PrivateAddresses.namedBy(URI.create("https://8.8.8.8/feed"))).isFalse();
        assertThat(PrivateAddresses.namedBy(URI.create("file:///tmp/feed.xml"))).isFalse();
    }
}
