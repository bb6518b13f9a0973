package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * The coordinator's revocation list as shown by {@code GET /api/revocation}.
 *
 * @param crlNumber the CRL number of the list in force
 * @param stale whether the list in force is past its nextUpdate
 * @param whenStale {@code refuse} (fail closed) or {@code warn} (fail open)
 * @param refusingAll true while a stale list makes the coordinator refuse every certificate
 * @param lastRefusedReason why the last list file that was not put in force was refused, if any
 */
@Serdeable
public record RevocationListView(
    String crlNumber,
    Instant thisUpdate,
    @Nullable Instant nextUpdate,
    int revokedCertificates,
    boolean stale,
    String whenStale,
    boolean refusingAll,
    @Nullable String lastRefusedReason,
    @Nullable Instant lastRefusedAt) {}
