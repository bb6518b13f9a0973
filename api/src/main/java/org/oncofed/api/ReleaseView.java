package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A released model in the registry.
 *
 * @param cardJson the model card exactly as signed (canonical JSON)
 * @param signature the coordinator's signature over {@code cardJson}'s UTF-8 bytes, Base64
 * @param signerCertificatePem the coordinator's certificate chain, to be checked against the project CA
 */
@Serdeable
public record ReleaseView(String id, ModelCard card, String cardJson, String signature, String signerCertificatePem) {}
