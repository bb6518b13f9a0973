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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's certificate revocation list, reloaded from its file while the process runs. A new
 * file replaces the list in force only if the project CA signed it and it is not older: a higher
 * CRL number and a thisUpdate no earlier than the current one's. A file that fails either check is
 * ignored (the last good list stays in force), so neither a half-written file nor an old list put
 * back by mistake or by an attacker lifts a revocation.
 */
public final class RevocationList {

  private static final Logger LOG = LoggerFactory.getLogger(RevocationList.class);
  private static final String CRL_NUMBER_OID = "2.5.29.20";

  /** What a reload found. */
  public sealed interface Reload {}

  /** The file has not changed since it was last read (or last refused). */
  public record Unchanged() implements Reload {}

  /** A newer list is now in force. */
  public record Loaded(BigInteger number, Instant thisUpdate) implements Reload {}

  /** The file holds a list that cannot replace the one in force; {@code reason} says why. */
  public record Refused(String reason) implements Reload {}

  private record Stamp(FileTime modified, long size) {}

  private final Path file;
  private final X509Certificate ca;
  private final StaleListPolicy whenStale;
  private volatile X509CRL current;
  private Stamp lastRead;

  private RevocationList(Path file, X509Certificate ca, StaleListPolicy whenStale, X509CRL initial, Stamp stamp) {
    this.file = file;
    this.ca = ca;
    this.whenStale = whenStale;
    this.current = initial;
    this.lastRead = stamp;
  }

  /**
   * Loads and verifies the CRL; fails naming the file if it is missing, malformed, not the CA's or
   * without a CRL number.
   */
  public static RevocationList load(Path file, X509Certificate ca, StaleListPolicy whenStale) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(whenStale, "whenStale");
    try {
      Stamp stamp = stamp(file);
      return new RevocationList(file, ca, whenStale, read(file, ca), stamp);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * A list with nothing revoked and nothing to reload, for a node that was given no CRL: it then
   * relies on the coordinator certificate's validity period alone.
   */
  public static RevocationList none(X509Certificate ca) {
    return new RevocationList(null, Objects.requireNonNull(ca, "ca"), StaleListPolicy.WARN, null, null);
  }

  public boolean isRevoked(X509Certificate certificate) {
    X509CRL crl = current;
    return crl != null && crl.isRevoked(certificate);
  }

  /**
   * Re-reads the file if its modification time or size changed since it was last read. Synchronized:
   * several periodic checks share one list and only one of them should read a new file.
   */
  public synchronized Reload reloadIfChanged() {
    if (current == null) {
      return new Unchanged();
    }
    X509CRL before = current;
    try {
      Stamp stamp = stamp(file);
      if (stamp.equals(lastRead)) {
        return new Unchanged();
      }
      lastRead = stamp;
      X509CRL next = read(file, ca);
      if (Arrays.equals(next.getEncoded(), before.getEncoded())) {
        return new Unchanged();
      }
      Optional<String> older = olderThanCurrent(next, before);
      if (older.isPresent()) {
        LOG.warn("Refused the revocation list in {}: {}; the list in force stays", file, older.get());
        return new Refused(older.get());
      }
      current = next;
      LOG.info("Revocation list number {} loaded from {}: {} revoked certificate(s), next update {}",
          number(next), file, revokedCount(next), next.getNextUpdate().toInstant());
      return new Loaded(number(next), next.getThisUpdate().toInstant());
    } catch (IOException | GeneralSecurityException e) {
      return refusedUnreadable(unreadable(file, e));
    } catch (KeyMaterialException e) {
      return refusedUnreadable(e);
    }
  }

  private static Refused refusedUnreadable(KeyMaterialException e) {
    LOG.warn("Keeping the previous revocation list: {}", e.getMessage());
    return new Refused(e.getMessage());
  }

  private static Optional<String> olderThanCurrent(X509CRL next, X509CRL before) {
    BigInteger nextNumber = number(next);
    BigInteger inForce = number(before);
    if (nextNumber.compareTo(inForce) <= 0) {
      return Optional.of("its CRL number " + nextNumber + " is not above the number in force, " + inForce);
    }
    if (next.getThisUpdate().before(before.getThisUpdate())) {
      return Optional.of("it was issued at " + next.getThisUpdate().toInstant()
          + ", before the list in force (" + before.getThisUpdate().toInstant() + ")");
    }
    return Optional.empty();
  }

  /** The CRL number of the list in force; null where no list is distributed. */
  public BigInteger number() {
    X509CRL crl = current;
    return crl == null ? null : number(crl);
  }

  /** When the list in force was issued; null where no list is distributed. */
  public Instant thisUpdate() {
    X509CRL crl = current;
    return crl == null ? null : crl.getThisUpdate().toInstant();
  }

  /** When the CA promised the next list; null where no list is distributed or it names none. */
  public Instant nextUpdate() {
    X509CRL crl = current;
    return crl == null || crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
  }

  public StaleListPolicy whenStale() {
    return whenStale;
  }

  /** True once {@code now} is past the list's nextUpdate. */
  public boolean isStale(Instant now) {
    Instant next = nextUpdate();
    return next != null && now.isAfter(next);
  }

  /**
   * Why every certificate must be refused at {@code now}: the list is stale and the policy is to
   * fail closed. Empty when peers may be accepted.
   */
  public Optional<String> staleRefusal(Instant now) {
    if (whenStale != StaleListPolicy.REFUSE || !isStale(now)) {
      return Optional.empty();
    }
    return Optional.of("revocation list number " + number() + " is stale since " + nextUpdate()
        + " (its nextUpdate); a newer list must be installed");
  }

  /**
   * A certificate the current list revokes.
   *
   * @param reason the CRL reason's name in lower case, e.g. {@code key_compromise}
   */
  public record Revoked(BigInteger serial, Instant revokedAt, String reason) {}

  /** Every certificate the current list revokes, for the audit trail. */
  public List<Revoked> revoked() {
    X509CRL crl = current;
    if (crl == null || crl.getRevokedCertificates() == null) {
      return List.of();
    }
    return crl.getRevokedCertificates().stream()
        .map(entry -> new Revoked(entry.getSerialNumber(), entry.getRevocationDate().toInstant(),
            entry.getRevocationReason() == null ? "unspecified" : entry.getRevocationReason().name().toLowerCase(Locale.ROOT)))
        .toList();
  }

  public int revokedCount() {
    X509CRL crl = current;
    return crl == null ? 0 : revokedCount(crl);
  }

  private static int revokedCount(X509CRL crl) {
    return crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
  }

  private static Stamp stamp(Path file) throws IOException {
    return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
  }

  private static X509CRL read(Path file, X509Certificate ca) {
    X509CRL crl = PemFiles.readCrl(file);
    if (!crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      throw new KeyMaterialException(file, "revocation list issued by '" + crl.getIssuerX500Principal()
          + "', expected the project CA '" + ca.getSubjectX500Principal() + "'");
    }
    try {
      crl.verify(ca.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new KeyMaterialException(file, "revocation list signature does not verify with the project CA", e);
    }
    if (crl.getExtensionValue(CRL_NUMBER_OID) == null) {
      throw new KeyMaterialException(file, "revocation list has no CRL number, so a newer list cannot be told from an older one");
    }
    try {
      number(crl);
    } catch (IllegalArgumentException e) {
      throw new KeyMaterialException(file, "revocation list has an unreadable CRL number", e);
    }
    return crl;
  }

  private static BigInteger number(X509CRL crl) {
    byte[] extension = crl.getExtensionValue(CRL_NUMBER_OID);
    return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getPositiveValue();
  }

  private static KeyMaterialException unreadable(Path file, Exception e) {
    if (e instanceof NoSuchFileException) {
      return new KeyMaterialException(file, "revocation list file not found");
    }
    return new KeyMaterialException(file, "cannot read revocation list: " + e.getMessage(), e);
  }
}
