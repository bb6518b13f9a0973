package org.oncofed.common.secagg;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.common.SiteId;
import org.oncofed.common.tls.PeerCertificateVerifier;
import org.oncofed.common.tls.PemFiles;
import org.oncofed.common.tls.RevocationList;
import org.oncofed.common.tls.TlsIdentity;

/** A development CA with node certificates for sites {@code site-01} to {@code site-NN}. */
final class TestPki {

  final DevPki pki;
  final PeerCertificateVerifier verifier;
  private final Map<SiteId, TlsIdentity> identities = new TreeMap<>();

  TestPki(Path dir, int sites) {
    pki = DevPki.init(dir, List.of(), false);
    X509Certificate ca = PemFiles.readCertificate(pki.caCertificate());
    verifier = new PeerCertificateVerifier(ca, RevocationList.none(ca), Clock.systemUTC());
    for (int i = 1; i <= sites; i++) {
      SiteId site = site(i);
      identities.put(site, identity(pki.addSite(site.value())));
    }
  }

  static SiteId site(int number) {
    return SiteId.of(String.format("site-%02d", number));
  }

  /** The first {@code count} sites. */
  static SortedSet<SiteId> sites(int count) {
    SortedSet<SiteId> sites = new TreeSet<>();
    for (int i = 1; i <= count; i++) {
      sites.add(site(i));
    }
    return sites;
  }

  static TlsIdentity identity(Credential credential) {
    return TlsIdentity.load(credential.certificate(), credential.privateKey(), Clock.systemUTC());
  }

  TlsIdentity identity(SiteId site) {
    return identities.get(site);
  }
}
