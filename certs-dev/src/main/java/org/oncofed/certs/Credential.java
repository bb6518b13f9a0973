package org.oncofed.certs;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One issued certificate as it lies on disk: the PEM certificate, its PKCS#8 private key (mode
 * 0600) and the parsed certificate.
 */
public record Credential(
    String name, Role role, Path certificate, Path privateKey, X509Certificate x509) {

  public Credential {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(x509, "x509");
  }
}
