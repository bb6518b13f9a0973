package org.oncofed.certs;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM encoding of certificates, CRLs and PKCS#8 private keys, and reading them back with the JDK
 * alone, which is what the coordinator and the nodes will do.
 */
final class Pem {

  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private Pem() {}

  static byte[] encode(X509Certificate certificate) {
    try {
      return encode("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot encode certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  static byte[] encode(X509CRL crl) {
    try {
      return encode("X509 CRL", crl.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode CRL of " + crl.getIssuerX500Principal(), e);
    }
  }

  /** Unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), the form netty, OpenSSL and curl all read. */
  static byte[] encode(PrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException(
          "expected a PKCS#8 encodable private key, found format " + key.getFormat());
    }
    return encode("PRIVATE KEY", key.getEncoded());
  }

  static X509Certificate readCertificate(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (NoSuchFileException e) {
      throw new PkiException("missing certificate file " + file, e);
    } catch (IOException | GeneralSecurityException e) {
      throw new PkiException("cannot read certificate " + file + ": " + e.getMessage(), e);
    }
  }

  static X509CRL readCrl(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
    } catch (NoSuchFileException e) {
      throw new PkiException("missing CRL file " + file, e);
    } catch (IOException | GeneralSecurityException e) {
      throw new PkiException("cannot read CRL " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads an unencrypted PKCS#8 EC private key. */
  static PrivateKey readPrivateKey(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new PkiException("missing private key file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read private key " + file, e);
    }
    Matcher matcher = PRIVATE_KEY.matcher(text);
    if (!matcher.find()) {
      throw new PkiException(
          "cannot read private key "
              + file
              + ": expected a '-----BEGIN PRIVATE KEY-----' (PKCS#8) block");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new PkiException(
          "cannot read private key " + file + ": not a PKCS#8 EC key (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] encode(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot PEM-encode " + type, e);
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
