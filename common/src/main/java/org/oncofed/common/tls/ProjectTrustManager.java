package org.oncofed.common.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;

/**
 * The trust manager for every OncoFed TLS endpoint: trusts only certificates issued by the project
 * CA, honours the live revocation list, and reports refused clients. It is a plain
 * {@link X509TrustManager} so that the JDK still applies host name verification on the client side.
 * Unless told otherwise it refuses every peer while a stale revocation list says to fail closed.
 */
public final class ProjectTrustManager implements X509TrustManager {

  private final PeerCertificateVerifier verifier;
  private final RefusalListener refusals;
  private final boolean refuseWhileStale;

  public ProjectTrustManager(PeerCertificateVerifier verifier, RefusalListener refusals) {
    this(verifier, refusals, true);
  }

  /**
   * @param refuseWhileStale false for an endpoint that must stay reachable while the list is stale
   *     (revocations it lists are still refused)
   */
  public ProjectTrustManager(PeerCertificateVerifier verifier, RefusalListener refusals, boolean refuseWhileStale) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.refusals = Objects.requireNonNull(refusals, "refusals");
    this.refuseWhileStale = refuseWhileStale;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    try {
      verifier.verifyClient(chain);
      refuseIfStale();
    } catch (CertificateException e) {
      String subject = chain == null || chain.length == 0
          ? "(no certificate)"
          : chain[0].getSubjectX500Principal().getName();
      refusals.refused(subject, e.getMessage());
      throw e;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    verifier.verifyServer(chain);
    refuseIfStale();
  }

  private void refuseIfStale() throws CertificateException {
    if (refuseWhileStale) {
      Optional<String> stale = verifier.staleRefusal();
      if (stale.isPresent()) {
        throw new CertificateException(stale.get());
      }
    }
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[] {verifier.ca()};
  }
}
