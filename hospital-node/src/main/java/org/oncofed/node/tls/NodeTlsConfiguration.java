package org.oncofed.node.tls;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.oncofed.common.tls.StaleListPolicy;

/**
 * The node's key material: its site certificate and key, the project CA it trusts for the
 * coordinator, and optionally the CA's revocation list, re-read while the node runs.
 *
 * @param revocationCheckInterval how often the CRL file is re-read
 * @param staleCrl what to do once the CRL is past its nextUpdate: {@code refuse} the coordinator
 *     (fail closed, the default) or {@code warn} and keep talking to it
 */
@ConfigurationProperties("oncofed.tls")
public record NodeTlsConfiguration(
    @NotNull Path certificate,
    @NotNull Path privateKey,
    @NotNull Path ca,
    @Nullable Path crl,
    @Bindable(defaultValue = "15s") @NotNull Duration revocationCheckInterval,
    @Bindable(defaultValue = "refuse") @NotNull StaleListPolicy staleCrl) {}
