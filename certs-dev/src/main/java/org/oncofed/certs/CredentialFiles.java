package org.oncofed.certs;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** Writes and reads a certificate with its private key beside it. */
final class CredentialFiles {

  private CredentialFiles() {}

  /** Writes the key first, so a certificate on disk always has its key. */
  static Credential write(
      String name, Role role, Path certificateFile, X509Certificate certificate, PrivateKey key) {
    Path keyFile = PkiLayout.keyFor(certificateFile);
    SecureFiles.writePrivate(keyFile, Pem.encode(key));
    SecureFiles.writePublic(certificateFile, Pem.encode(certificate));
    return new Credential(name, role, certificateFile, keyFile, certificate);
  }

  static Credential read(String name, Role role, Path certificateFile) {
    Path keyFile = PkiLayout.keyFor(certificateFile);
    // Read the key too, so a missing or broken key is reported now rather than by a TLS stack.
    Pem.readPrivateKey(keyFile);
    return new Credential(
        name, role, certificateFile, keyFile, Pem.readCertificate(certificateFile));
  }
}
