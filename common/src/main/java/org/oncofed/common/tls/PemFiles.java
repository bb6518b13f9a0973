package org.oncofed.common.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM certificates, PKCS#8 private keys and CRLs, failing with the file and the problem. */
public final class PemFiles {

  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519");

  private PemFiles() {}

  /** All certificates in a PEM file, in file order; at least one. */
  public static List<X509Certificate> readCertificates(Path file) {
    byte[] bytes = read(file, "certificate");
    try {
      List<X509Certificate> certificates =
          factory().generateCertificates(new ByteArrayInputStream(bytes)).stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new KeyMaterialException(file, "no certificate found (expected a PEM 'BEGIN CERTIFICATE' block)");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new KeyMaterialException(file, "not a PEM X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** The first certificate of a PEM file. */
  public static X509Certificate readCertificate(Path file) {
    return readCertificates(file).get(0);
  }

  /** A PKCS#8 private key ({@code BEGIN PRIVATE KEY}), EC, RSA or Ed25519. */
  public static PrivateKey readPrivateKey(Path file) {
    String text = new String(read(file, "private key"), StandardCharsets.US_ASCII);
    Matcher matcher = PRIVATE_KEY.matcher(text);
    if (!matcher.find()) {
      String hint = text.contains("BEGIN EC PRIVATE KEY") || text.contains("BEGIN RSA PRIVATE KEY")
          ? " (found a legacy PKCS#1/SEC1 key; convert it with 'openssl pkcs8 -topk8 -nocrypt')"
          : text.contains("BEGIN ENCRYPTED PRIVATE KEY") ? " (encrypted keys are not supported)" : "";
      throw new KeyMaterialException(file, "no unencrypted PKCS#8 'BEGIN PRIVATE KEY' block found" + hint);
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(matcher.group(1));
    } catch (IllegalArgumentException e) {
      throw new KeyMaterialException(file, "private key is not valid base64", e);
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new KeyMaterialException(file, "private key is not a valid PKCS#8 " + KEY_ALGORITHMS + " key");
  }

  /** An X.509 CRL in PEM or DER form. */
  public static X509CRL readCrl(Path file) {
    byte[] bytes = read(file, "revocation list");
    try {
      return (X509CRL) factory().generateCRL(new ByteArrayInputStream(bytes));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyMaterialException(file, "not an X.509 CRL: " + e.getMessage(), e);
    }
  }

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new KeyMaterialException(file, what + " file not found");
    } catch (AccessDeniedException e) {
      throw new KeyMaterialException(file, what + " file is not readable (permission denied)");
    } catch (IOException e) {
      throw new KeyMaterialException(file, "cannot read " + what + " file: " + e.getMessage(), e);
    }
  }

  private static CertificateFactory factory() throws CertificateException {
    return CertificateFactory.getInstance("X.509");
  }
}
