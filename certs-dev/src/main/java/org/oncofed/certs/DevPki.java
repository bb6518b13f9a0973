package org.oncofed.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * A development PKI in one directory: a CA, the coordinator's server certificate, a client
 * certificate per hospital site and per user, a CRL and an index of everything issued. Not for
 * production: the CA key sits unencrypted beside the certificates it signs.
 *
 * <p>Used by the {@code certs} command line and by tests of other modules, which create throwaway
 * PKIs in temporary folders. Not safe for concurrent use of one directory.
 */
public final class DevPki {

  static final String COORDINATOR_NAME = "coordinator";
  static final X500Name CA_SUBJECT =
      DistinguishedNames.authority("OncoFed Development CA", DistinguishedNames.ORGANISATION);

  private final PkiLayout layout;
  private final CertificateAuthority ca;
  private final Clock clock;

  private DevPki(PkiLayout layout, CertificateAuthority ca, Clock clock) {
    this.layout = layout;
    this.ca = ca;
    this.clock = clock;
  }

  /**
   * Creates the CA, the coordinator certificate (SANs localhost, 127.0.0.1, ::1 and {@code
   * extraCoordinatorSans}) and an empty CRL in {@code dir}.
   *
   * @param extraCoordinatorSans further DNS names or IP literals the coordinator is reached by
   * @param force replace an existing CA; every certificate it issued (sites, users, bad) is deleted
   *     since none of them would chain to the new CA
   * @throws PkiException if {@code dir} already holds a CA and {@code force} is false
   * @throws IllegalArgumentException if a SAN is neither a DNS name nor an IP literal
   */
  public static DevPki init(Path dir, List<String> extraCoordinatorSans, boolean force) {
    return init(dir, extraCoordinatorSans, force, Clock.systemUTC());
  }

  static DevPki init(Path dir, List<String> extraCoordinatorSans, boolean force, Clock clock) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(clock, "clock");
    List<GeneralName> sans = SubjectAltNames.coordinator(extraCoordinatorSans);
    PkiLayout layout = new PkiLayout(dir);
    Path existing = layout.existingCaFile();
    if (existing != null) {
      if (!force) {
        throw new PkiException(
            "a CA already exists: "
                + existing
                + "; init keeps it. Use --force to replace it"
                + " and discard every certificate it issued");
      }
      deletePreviousCertificates(layout);
    }
    SecureFiles.createPrivateDirectories(dir);
    Instant now = clock.instant();
    CertificateAuthority ca = CertificateAuthority.create(CA_SUBJECT, now);
    SecureFiles.writePrivate(layout.caKey(), Pem.encode(ca.privateKey()));
    SecureFiles.writePublic(layout.caCertificate(), Pem.encode(ca.certificate()));

    DevPki pki = new DevPki(layout, ca, clock);
    List<IssuedCertificate> index = new ArrayList<>();
    pki.issue(COORDINATOR_NAME, Role.COORDINATOR, sans, index);
    pki.writeCrl(index, BigInteger.ONE);
    return pki;
  }

  /**
   * Opens a PKI created by {@link #init}.
   *
   * @throws PkiException naming the first missing file if {@code dir} is not such a PKI
   */
  public static DevPki open(Path dir) {
    return open(dir, Clock.systemUTC());
  }

  /** Opens a PKI whose later operations (revocations, CRLs) take their time from {@code clock}. */
  public static DevPki open(Path dir, Clock clock) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(clock, "clock");
    PkiLayout layout = new PkiLayout(dir);
    for (Path required :
        List.of(layout.caCertificate(), layout.caKey(), layout.index(), layout.crl())) {
      if (!Files.isRegularFile(required)) {
        throw new PkiException(
            dir + " is not an OncoFed PKI: " + required + " is missing (create one with init)");
      }
    }
    return new DevPki(
        layout, CertificateAuthority.load(layout.caCertificate(), layout.caKey()), clock);
  }

  public Credential coordinator() {
    return CredentialFiles.read(
        COORDINATOR_NAME, Role.COORDINATOR, layout.certificate(COORDINATOR_NAME, Role.COORDINATOR));
  }

  /**
   * Issues the client certificate of one hospital site, role {@code node}, at {@code
   * sites/<siteId>.pem}.
   *
   * @throws IllegalArgumentException if {@code siteId} does not match {@code
   *     [a-z0-9][a-z0-9-]{0,62}}
   * @throws PkiException if a certificate with that name is issued and not revoked
   */
  public Credential addSite(String siteId) {
    NamePolicy.requireSiteId(siteId);
    return issueNew(siteId, Role.NODE);
  }

  /**
   * Issues a user's client certificate at {@code users/<name>.pem}.
   *
   * @throws IllegalArgumentException if {@code role} is not researcher, auditor or admin, or the
   *     name does not match {@code [a-z0-9][a-z0-9-]{0,62}}
   * @throws PkiException if a certificate with that name is issued and not revoked
   */
  public Credential addUser(String name, Role role) {
    Objects.requireNonNull(role, "role");
    if (!role.isUserRole()) {
      throw new IllegalArgumentException(
          "a user's role must be one of "
              + Role.list(Role.RESEARCHER, Role.AUDITOR, Role.ADMIN)
              + ", found "
              + role.ou());
    }
    NamePolicy.requireUserName(name);
    return issueNew(name, role);
  }

  /**
   * Marks the valid certificate called {@code name} revoked and re-issues the CRL.
   *
   * @param reason an RFC 5280 reason such as {@code key-compromise}; {@code null} for unspecified
   * @throws PkiException if no valid certificate has that name
   */
  public void revoke(String name, String reason) {
    Objects.requireNonNull(name, "name");
    RevocationReason why =
        reason == null ? RevocationReason.UNSPECIFIED : RevocationReason.parse(reason);
    List<IssuedCertificate> index = new ArrayList<>(list());
    int position = indexOfValid(index, name);
    if (position < 0) {
      throw new PkiException(notRevocable(index, name));
    }
    // CRL revocation dates carry whole seconds; the index keeps the same value.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    index.set(position, index.get(position).revoke(now, why));
    CertificateIndex.write(layout.index(), index);
    writeCrl(index, currentCrlNumber().add(BigInteger.ONE));
  }

  /**
   * Signs a fresh CRL with the same entries and the next number. Peers refuse certificates once the
   * CRL's nextUpdate (a week after issue) has passed, so a long-lived PKI needs this.
   */
  public void reissueCrl() {
    writeCrl(list(), currentCrlNumber().add(BigInteger.ONE));
  }

  /** Every certificate issued, in issue order, as recorded in index.tsv. */
  public List<IssuedCertificate> list() {
    return List.copyOf(CertificateIndex.read(layout.index()));
  }

  /** Writes the negative-test material under {@code bad/}, replacing what was there. */
  public BadCredentials writeBadCredentials() {
    return new BadCredentialsWriter(layout, ca, clock.instant()).write();
  }

  public Path caCertificate() {
    return layout.caCertificate();
  }

  public Path crl() {
    return layout.crl();
  }

  public Path dir() {
    return layout.dir();
  }

  private Credential issueNew(String name, Role role) {
    List<IssuedCertificate> index = new ArrayList<>(list());
    int position = indexOfValid(index, name);
    if (position >= 0) {
      IssuedCertificate issued = index.get(position);
      throw new PkiException(
          name
              + " is already issued (role "
              + issued.role().ou()
              + ", serial "
              + issued.serialHex()
              + ", valid until "
              + issued.notAfter()
              + "); revoke it before issuing it again");
    }
    return issue(name, role, List.of(), index);
  }

  /** Issues a certificate with a fresh key, writes both and appends it to {@code index}. */
  private Credential issue(
      String name, Role role, List<GeneralName> sans, List<IssuedCertificate> index) {
    KeyPair keys = EcKeys.generate();
    X509Certificate certificate =
        ca.issue(
            new LeafRequest(name, role, keys.getPublic(), sans, Validity.leaf(clock.instant())));
    Credential credential =
        CredentialFiles.write(
            name, role, layout.certificate(name, role), certificate, keys.getPrivate());
    index.add(
        IssuedCertificate.valid(
            certificate.getSerialNumber(),
            name,
            role,
            certificate.getNotBefore().toInstant(),
            certificate.getNotAfter().toInstant()));
    CertificateIndex.write(layout.index(), index);
    return credential;
  }

  private BigInteger currentCrlNumber() {
    return RevocationList.number(Pem.readCrl(layout.crl()), layout.crl());
  }

  private void writeCrl(List<IssuedCertificate> index, BigInteger number) {
    SecureFiles.writePublic(
        layout.crl(), Pem.encode(RevocationList.sign(ca, index, number, clock.instant())));
  }

  private static int indexOfValid(List<IssuedCertificate> index, String name) {
    for (int i = 0; i < index.size(); i++) {
      if (index.get(i).name().equals(name) && !index.get(i).isRevoked()) {
        return i;
      }
    }
    return -1;
  }

  private String notRevocable(List<IssuedCertificate> index, String name) {
    for (int i = index.size() - 1; i >= 0; i--) {
      IssuedCertificate entry = index.get(i);
      if (entry.name().equals(name)) {
        return name
            + " is already revoked (serial "
            + entry.serialHex()
            + ", since "
            + entry.revokedAt()
            + ")";
      }
    }
    String valid =
        index.stream()
            .filter(entry -> !entry.isRevoked())
            .map(IssuedCertificate::name)
            .collect(Collectors.joining(", "));
    return "no certificate named '" + name + "' in " + layout.index() + "; valid names: " + valid;
  }

  /** Deletes the certificates and keys of the folders that only chain to the old CA. */
  private static void deletePreviousCertificates(PkiLayout layout) {
    for (Path folder : layout.issuedFolders()) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      // Only *.pem: anything else in the folder was not written by this tool and is left alone.
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.pem")) {
        for (Path file : files) {
          Files.delete(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot clear " + folder + " of the old CA's certificates", e);
      }
    }
  }
}
