package org.oncofed.coordinator.tls;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.oncofed.common.tls.StaleListPolicy;

/**
 * The coordinator's key material (PEM files written by certs-dev or the hospital network's PKI) and
 * how often the revocation list is re-read.
 *
 * @param certificate the coordinator's server certificate; its SANs must cover the names nodes dial
 * @param privateKey its PKCS#8 private key
 * @param ca the project CA, the only trust anchor
 * @param crl the CA's revocation list, reloaded while running
 * @param revocationCheckInterval how often the CRL file is re-read and open streams are re-checked
 * @param staleCrl what to do once the CRL in force is past its nextUpdate: {@code refuse} every
 *     certificate (fail closed, the default) or {@code warn} and keep accepting them
 */
@ConfigurationProperties("oncofed.tls")
record TlsConfiguration(
    @NotNull Path certificate,
    @NotNull Path privateKey,
    @NotNull Path ca,
    @NotNull Path crl,
    @Bindable(defaultValue = "15s") @NotNull Duration revocationCheckInterval,
    @Bindable(defaultValue = "refuse") @NotNull StaleListPolicy staleCrl) {}
