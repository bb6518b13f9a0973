package org.oncofed.coordinator.release;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A released model: the card exactly as signed, and the signature with the signer's certificates. */
@MappedEntity(value = "model_release", escape = false)
public record ReleaseRecord(
    @Id String id,
    String name,
    String experimentId,
    String modelSha256,
    String releasedBy,
    Instant releasedAt,
    String cardJson,
    String signature,
    String signerPem) {}
