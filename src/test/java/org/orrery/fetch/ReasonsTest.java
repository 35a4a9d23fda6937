package org.orrery.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
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
    void givesTheRootCauseOfTlsFailures() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed: ...");
        handshake.initCause(new IOException("unable to find valid certification path to requested target"));

        assertThat(Reasons.of(handshake, TIMEOUT))
                .isEqualTo("TLS handshake failed: unable to find valid certification path to requested target");
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
