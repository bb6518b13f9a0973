package org.oncofed.common.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's certificate revocation list, reloaded from its file while the process runs. Only a
 * CRL signed by the project CA is accepted; a new file that fails that check is ignored (the last
 * good list stays in force) so that a half-written file never lifts a revocation.
 */
public final class RevocationList {

  private static final Logger LOG = LoggerFactory.getLogger(RevocationList.class);

  private record Loaded(X509CRL crl, FileTime modified, long size) {}

  private final Path file;
  private final X509Certificate ca;
  private volatile Loaded current;

  private RevocationList(Path file, X509Certificate ca, Loaded initial) {
    this.file = file;
    this.ca = ca;
    this.current = initial;
  }

  /** Loads and verifies the CRL; fails naming the file if it is missing, malformed or not the CA's. */
  public static RevocationList load(Path file, X509Certificate ca) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(ca, "ca");
    return new RevocationList(file, ca, read(file, ca));
  }

  /**
   * A list with nothing revoked and nothing to reload, for a node that was given no CRL: it then
   * relies on the coordinator certificate's validity period alone.
   */
  public static RevocationList none(X509Certificate ca) {
    return new RevocationList(null, Objects.requireNonNull(ca, "ca"), null);
  }

  public boolean isRevoked(X509Certificate certificate) {
    Loaded loaded = current;
    return loaded != null && loaded.crl().isRevoked(certificate);
  }

  /**
   * Reloads the file if its modification time or size changed. Synchronized: several periodic
   * checks share one list and only one of them should load a new file.
   *
   * @return true when a new list was loaded
   */
  public synchronized boolean reloadIfChanged() {
    Loaded before = current;
    if (before == null) {
      return false;
    }
    try {
      if (Files.getLastModifiedTime(file).equals(before.modified()) && Files.size(file) == before.size()) {
        return false;
      }
      Loaded next = read(file, ca);
      current = next;
      LOG.info("Revocation list reloaded from {}: {} revoked certificate(s)", file, revokedCount(next.crl()));
      return true;
    } catch (IOException | KeyMaterialException e) {
      LOG.warn("Keeping the previous revocation list: {}", e.getMessage());
      return false;
    }
  }

  /**
   * A certificate the current list revokes.
   *
   * @param reason the CRL reason's name in lower case, e.g. {@code key_compromise}
   */
  public record Revoked(BigInteger serial, Instant revokedAt, String reason) {}

  /** Every certificate the current list revokes, for the audit trail. */
  public List<Revoked> revoked() {
    Loaded loaded = current;
    if (loaded == null || loaded.crl().getRevokedCertificates() == null) {
      return List.of();
    }
    return loaded.crl().getRevokedCertificates().stream()
        .map(entry -> new Revoked(entry.getSerialNumber(), entry.getRevocationDate().toInstant(),
            entry.getRevocationReason() == null ? "unspecified" : entry.getRevocationReason().name().toLowerCase(Locale.ROOT)))
        .toList();
  }

  public int revokedCount() {
    Loaded loaded = current;
    return loaded == null ? 0 : revokedCount(loaded.crl());
  }

  private static int revokedCount(X509CRL crl) {
    return crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
  }

  private static Loaded read(Path file, X509Certificate ca) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      X509CRL crl = PemFiles.readCrl(file);
      if (!crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
        throw new KeyMaterialException(file, "revocation list issued by '" + crl.getIssuerX500Principal()
            + "', expected the project CA '" + ca.getSubjectX500Principal() + "'");
      }
      crl.verify(ca.getPublicKey());
      return new Loaded(crl, modified, size);
    } catch (GeneralSecurityException e) {
      throw new KeyMaterialException(file, "revocation list signature does not verify with the project CA", e);
    } catch (NoSuchFileException e) {
      throw new KeyMaterialException(file, "revocation list file not found");
    } catch (IOException e) {
      throw new KeyMaterialException(file, "cannot read revocation list: " + e.getMessage(), e);
    }
  }
}
