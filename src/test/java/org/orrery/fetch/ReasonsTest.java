package org.orrery.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

class ReasonsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void namesTheUnknownHost() {
        assertThat(Reasons.of(new UnknownHostException("example.invalid: Name or service not known"), TIMEOUT))
                .isEqualTo("unknown host example.invalid");
        assertThat(Reasons.of(new UnknownHostException("example.invalid"), TIMEOUT))
                .isEqualTo("unknown host example.invalid");
    }

    @Test
    void statesTheTimeoutThatWasHit() {
        assertThat(Reasons.of(new SocketTimeoutException("Read timed out"), TIMEOUT))
                .isEqualTo("timed out after 20 s");
        assertThat(Reasons.of(new ConnectTimeoutException("Connect timed out"), Duration.ofMillis(1500)))
                .isEqualTo("timed out after 1500 ms");
    }

    @Test
    void saysWhatIsWrongWithACertificate() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed: ...");
        untrusted.initCause(new IOException("unable to find valid certification path to requested target"));
        SSLHandshakeException expired = new SSLHandshakeException("validity check failed");
        expired.initCause(new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"));
        SSLPeerUnverifiedException otherName = new SSLPeerUnverifiedException(
                "Certificate for <feeds.example.org> doesn't match any of the subject alternative names: [example.com]");
        SSLHandshakeException odd = new SSLHandshakeException("Received fatal alert: handshake_failure");

        assertThat(Reasons.of(untrusted, TIMEOUT))
                .isEqualTo("TLS handshake failed: the server's certificate is not trusted"
                        + " (self-signed, or signed by an unknown authority)");
        assertThat(Reasons.of(expired, TIMEOUT))
                .isEqualTo("TLS handshake failed: the server's certificate has expired");
        assertThat(Reasons.of(otherName, TIMEOUT))
                .isEqualTo("TLS handshake failed: the server's certificate is for another name: Certificate for"
                        + " <feeds.example.org> doesn't match any of the subject alternative names: [example.com]");
        assertThat(Reasons.of(odd, TIMEOUT)).isEqualTo("TLS handshake failed: Received fatal alert: handshake_failure");
    }

    @Test
    void saysWhenAPrivateAddressWasRefused() throws Exception {
        var refused = new GuardedDnsResolver.RefusedAddressException(
                "feeds.example.org", java.net.InetAddress.getByName("10.0.0.1"));

        assertThat(Reasons.of(refused, TIMEOUT))
                .isEqualTo("refused to reach a private address: feeds.example.org resolves to 10.0.0.1"
                        + " (allow_private_addresses = yes permits it)");
    }

    @Test
    void fallsBackToTheMessageOfUnfamiliarErrors() {
        assertThat(Reasons.of(new IOException("disk on fire"), TIMEOUT)).isEqualTo("network error: disk on fire");
    }

    @Test
    void spellsOutStatusesAndSizes() {
        assertThat(Reasons.httpStatus(410, "")).isEqualTo("HTTP 410 Gone");
        assertThat(Reasons.httpStatus(599, "Custom")).isEqualTo("HTTP 599 Custom");
        assertThat(Bodies.size(16L * 1024 * 1024)).isEqualTo("16 MiB");
        assertThat(Bodies.size(1000)).isEqualTo("1000 bytes");
    }
}
