package org.oncofed.node.tls;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * The node's key material: its site certificate and key, the project CA it trusts for the
 * coordinator, and optionally the CA's revocation list.
 */
@ConfigurationProperties("oncofed.tls")
public record NodeTlsConfiguration(
    @NotNull Path certificate, @NotNull Path privateKey, @NotNull Path ca, @Nullable Path crl) {}
