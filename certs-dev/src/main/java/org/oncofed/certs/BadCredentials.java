package org.oncofed.certs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Negative-test material: each credential is wrong in exactly one way, so a test that sees it
 * refused knows which check refused it.
 *
 * @param selfSigned a node certificate that signs itself
 * @param otherCa a node certificate issued by another CA
 * @param otherCaCertificate the certificate of that other CA
 * @param expired a node certificate issued by the real CA whose validity has ended
 * @param wrongSan a coordinator certificate issued by the real CA whose only SAN is {@code
 *     wrong.example}, so it fails host name verification for localhost and loopback addresses
 */
public record BadCredentials(
    Credential selfSigned,
    Credential otherCa,
    Path otherCaCertificate,
    Credential expired,
    Credential wrongSan) {

  public BadCredentials {
    Objects.requireNonNull(selfSigned, "selfSigned");
    Objects.requireNonNull(otherCa, "otherCa");
    Objects.requireNonNull(otherCaCertificate, "otherCaCertificate");
    Objects.requireNonNull(expired, "expired");
    Objects.requireNonNull(wrongSan, "wrongSan");
  }
}
