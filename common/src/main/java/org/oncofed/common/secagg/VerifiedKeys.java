package org.oncofed.common.secagg;

import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import org.oncofed.common.SiteId;
import org.oncofed.common.tls.PeerCertificateVerifier;
import org.oncofed.common.tls.PeerIdentity;
import org.oncofed.common.tls.Role;

/**
 * A site's advertised keys after every check: what both sessions trust for the rest of the round.
 *
 * @param certificate the site's verified leaf certificate, which also verifies its consistency signature
 */
record VerifiedKeys(SiteId site, PublicKey encryptionKey, PublicKey maskingKey, X509Certificate certificate) {

  /**
   * Checks an advertisement: the round, an invited site, a certificate chain that the project CA
   * issued (valid, not revoked, client usage) to a node with the site's id, a signature that
   * verifies with that certificate, the same round settings, and two X25519 keys.
   */
  static VerifiedKeys verify(KeyAdvertisement advertisement, SecaggRound round, PeerCertificateVerifier verifier) {
    SiteId site = advertisement.site();
    String what = "the keys of site " + site;
    round.ref().requireSame(advertisement.ref(), what);
    round.requireInvited(site, what);
    X509Certificate[] chain;
    PeerIdentity signer;
    try {
      chain = SiteSignatures.decode(advertisement.certificateChain());
      signer = verifier.verifyClient(chain);
    } catch (CertificateException e) {
      throw new SecaggException("refused " + what + ": the signing certificate is not trusted: " + e.getMessage(), e);
    }
    if (signer.role() != Role.NODE) {
      throw new SecaggException("refused " + what + ": they are signed with a " + signer.role().ou()
          + " certificate ('" + signer.subject() + "'), expected the node certificate of " + site);
    }
    if (!signer.name().equals(site.value())) {
      throw new SecaggException("refused " + what + ": they are signed with the certificate of '" + signer.name()
          + "', expected one naming " + site);
    }
    if (!SiteSignatures.verifies(chain[0], advertisement.signedPayload(), advertisement.signature())) {
      throw new SecaggException("refused " + what + ": the signature does not verify with the certificate of "
          + site + "; the keys or their round were changed after the site signed them");
    }
    if (!Arrays.equals(advertisement.settingsDigest(), round.digest())) {
      throw new SecaggException("refused " + what + ": the site signed different round settings (sites, threshold,"
          + " encoding or parameter count) from this party's");
    }
    try {
      return new VerifiedKeys(site, X25519.decode(advertisement.encryptionKey()),
          X25519.decode(advertisement.maskingKey()), chain[0]);
    } catch (InvalidKeySpecException e) {
      throw new SecaggException("refused " + what + ": " + e.getMessage(), e);
    }
  }
}
