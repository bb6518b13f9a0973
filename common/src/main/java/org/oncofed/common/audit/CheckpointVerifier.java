package org.oncofed.common.audit;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.oncofed.common.tls.PeerCertificateVerifier;
import org.oncofed.common.tls.PeerIdentity;
import org.oncofed.common.tls.RevocationList;
import org.oncofed.common.tls.Role;

/**
 * Accepts a signed checkpoint only if its signer certificate was issued by the project CA, was
 * valid at the checkpoint's time, names the coordinator role, and its key verifies the signature
 * over the payload. The CA is the only thing trusted, so this works offline, years later.
 */
public final class CheckpointVerifier {

  private final X509Certificate ca;

  public CheckpointVerifier(X509Certificate ca) {
    this.ca = Objects.requireNonNull(ca, "ca");
  }

  /**
   * @return the verified checkpoint
   * @throws CheckpointRejectedException saying why, with {@link ProblemKind#MALFORMED},
   *     {@link ProblemKind#UNTRUSTED_SIGNER} or {@link ProblemKind#BAD_SIGNATURE}
   */
  public Checkpoint verify(SignedCheckpoint signed) throws CheckpointRejectedException {
    Objects.requireNonNull(signed, "signed");
    Checkpoint checkpoint;
    List<X509Certificate> chain;
    try {
      checkpoint = signed.checkpoint();
      chain = signed.certificates();
    } catch (IllegalArgumentException e) {
      throw new CheckpointRejectedException(ProblemKind.MALFORMED, e.getMessage());
    }
    X509Certificate signer = chain.get(0);
    String subject = signer.getSubjectX500Principal().getName();
    try {
      new PeerCertificateVerifier(ca, RevocationList.none(ca), Clock.fixed(checkpoint.time(), ZoneOffset.UTC))
          .verifyIssuedByCa(chain.toArray(X509Certificate[]::new));
    } catch (CertificateException e) {
      throw new CheckpointRejectedException(ProblemKind.UNTRUSTED_SIGNER,
          "signer '" + subject + "' is not trusted: " + e.getMessage() + " (at the checkpoint's time "
              + AuditJson.time(checkpoint.time()) + ")");
    }
    Role role;
    try {
      role = PeerIdentity.of(signer).role();
    } catch (CertificateException e) {
      throw new CheckpointRejectedException(ProblemKind.UNTRUSTED_SIGNER, "signer '" + subject + "': " + e.getMessage());
    }
    if (role != Role.COORDINATOR) {
      throw new CheckpointRejectedException(ProblemKind.UNTRUSTED_SIGNER, "signer '" + subject
          + "' holds a " + role.ou() + " certificate; only the coordinator signs checkpoints");
    }
    if (!signed.document().verifiesWith(signer.getPublicKey())) {
      throw new CheckpointRejectedException(ProblemKind.BAD_SIGNATURE, "signature of checkpoint "
          + checkpoint.number() + " does not verify with the key of '" + subject + "'");
    }
    return checkpoint;
  }
}
