package org.oncofed.common.secagg;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oncofed.common.secagg.TestPki.site;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.SiteId;
import org.oncofed.common.tls.TlsIdentity;

/**
 * An aggregator that replaces a site's public keys, to read its shares or its masks, is caught by
 * every recipient before any secret is shared, and the error names the site whose keys were replaced.
 */
class KeySubstitutionTest {

  private static final SiteId VICTIM = site(2);
  private static final SiteId RECIPIENT = site(1);

  @TempDir static Path dir;
  private static TestPki pki;

  @BeforeAll
  static void createPki() {
    pki = new TestPki(dir.resolve("pki"), 3);
  }

  private static SecaggRound round(int threshold) {
    return new SecaggRound(new RoundRef("exp-1", 1), TestPki.sites(3), threshold,
        new FixedPointEncoding(24, 4.0, 1000), 10);
  }

  @Test
  void aSubstitutedMaskingKeyFailsTheSignatureCheck() {
    TestRound round = new TestRound(pki, round(2), 1);
    AdvertisedKeys genuine = round.advertise();
    byte[] aggregatorsKey = X25519.encode(X25519.generate(new SecureRandom()).getPublic());

    AdvertisedKeys forged = replace(genuine, VICTIM, a -> new KeyAdvertisement(a.ref(), a.site(), a.settingsDigest(),
        a.encryptionKey(), aggregatorsKey, a.certificateChain(), a.signature()));

    assertThatThrownBy(() -> round.sessions.get(RECIPIENT).shareKeys(forged))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the keys of site site-02: the signature does not verify with the certificate of site-02;"
            + " the keys or their round were changed after the site signed them");
  }

  @Test
  void keysResignedWithTheCoordinatorsCertificateAreRefused() {
    TestRound round = new TestRound(pki, round(2), 2);
    AdvertisedKeys forged = replace(round.advertise(), VICTIM,
        a -> resigned(a, TestPki.identity(pki.pki.coordinator())));

    assertThatThrownBy(() -> round.sessions.get(RECIPIENT).shareKeys(forged))
        .isInstanceOf(SecaggException.class)
        .hasMessageStartingWith("refused the keys of site site-02: the signing certificate is not trusted:")
        .hasMessageContaining("clientAuth");
  }

  @Test
  void keysResignedWithAResearchersCertificateAreRefused() {
    TestRound round = new TestRound(pki, round(2), 7);
    TlsIdentity researcher = TestPki.identity(pki.pki.addUser("mallory", Role.RESEARCHER));
    AdvertisedKeys forged = replace(round.advertise(), VICTIM, a -> resigned(a, researcher));

    assertThatThrownBy(() -> round.sessions.get(RECIPIENT).shareKeys(forged))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the keys of site site-02: they are signed with a researcher certificate"
            + " ('CN=mallory,OU=researcher,O=OncoFed'), expected the node certificate of site-02");
  }

  @Test
  void keysResignedWithAnotherSitesCertificateAreRefused() {
    TestRound round = new TestRound(pki, round(2), 3);
    AdvertisedKeys forged = replace(round.advertise(), VICTIM, a -> resigned(a, pki.identity(site(3))));

    assertThatThrownBy(() -> round.sessions.get(RECIPIENT).shareKeys(forged))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the keys of site site-02: they are signed with the certificate of 'site-03',"
            + " expected one naming site-02");
  }

  @Test
  void keysSignedByACertificateOfAnotherCaNamingTheSiteAreRefused() {
    DevPki impostor = DevPki.init(dir.resolve("impostor"), List.of(), false);
    TlsIdentity fakeVictim = TestPki.identity(impostor.addSite(VICTIM.value()));
    TestRound round = new TestRound(pki, round(2), 4);
    AdvertisedKeys forged = replace(round.advertise(), VICTIM, a -> resigned(a, fakeVictim));

    assertThatThrownBy(() -> round.sessions.get(RECIPIENT).shareKeys(forged))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the keys of site site-02: the signing certificate is not trusted: certificate not issued"
            + " by the project CA");
  }

  @Test
  void aSiteToldAnotherThresholdIsDetectedByTheOthers() {
    TestRound round = new TestRound(pki, round(3), 5);
    SiteSession misinformed = new SiteSession(round(2), pki.identity(VICTIM), pki.verifier, new SecureRandom());
    AdvertisedKeys keys = replace(round.advertise(), VICTIM, a -> misinformed.advertiseKeys());

    assertThatThrownBy(() -> round.sessions.get(RECIPIENT).shareKeys(keys))
        .isInstanceOf(SecaggException.class)
        .hasMessageContaining("refused the keys of site site-02: the site signed different round settings");
  }

  @Test
  void theAggregatorRefusesASubstitutedKeyBeforeRelayingIt() {
    AggregatorSession aggregator = new AggregatorSession(round(2), pki.verifier);
    SiteSession victim = new SiteSession(round(2), pki.identity(VICTIM), pki.verifier, new SecureRandom());

    assertThatThrownBy(() -> aggregator.accept(resigned(victim.advertiseKeys(), pki.identity(site(3)))))
        .isInstanceOf(SecaggException.class)
        .hasMessageContaining("signed with the certificate of 'site-03', expected one naming site-02");
  }

  @Test
  void aSiteThatRefusedKeysAnswersNothingMore() {
    TestRound round = new TestRound(pki, round(2), 6);
    AdvertisedKeys genuine = round.advertise();
    AdvertisedKeys forged = replace(genuine, VICTIM, a -> resigned(a, pki.identity(site(3))));
    SiteSession recipient = round.sessions.get(RECIPIENT);
    assertThatThrownBy(() -> recipient.shareKeys(forged)).isInstanceOf(SecaggException.class);

    assertThatThrownBy(() -> recipient.shareKeys(genuine))
        .isInstanceOf(SecaggException.class)
        .hasMessageStartingWith("site site-01 cannot share its keys: the session failed earlier (refused the keys of"
            + " site site-02");
  }

  /** The advertisement with fresh keys of the aggregator's, signed with {@code signer}'s key and chain. */
  private static KeyAdvertisement resigned(KeyAdvertisement original, TlsIdentity signer) {
    byte[] encryptionKey = X25519.encode(X25519.generate(new SecureRandom()).getPublic());
    byte[] maskingKey = X25519.encode(X25519.generate(new SecureRandom()).getPublic());
    byte[] signature = SiteSignatures.sign(signer, KeyAdvertisement.signedPayload(
        original.ref(), original.site(), original.settingsDigest(), encryptionKey, maskingKey));
    return new KeyAdvertisement(original.ref(), original.site(), original.settingsDigest(), encryptionKey, maskingKey,
        SiteSignatures.encode(signer.chain()), signature);
  }

  private static AdvertisedKeys replace(AdvertisedKeys keys, SiteId site, UnaryOperator<KeyAdvertisement> change) {
    List<KeyAdvertisement> changed = new ArrayList<>();
    for (KeyAdvertisement advertisement : keys.advertisements()) {
      changed.add(advertisement.site().equals(site) ? change.apply(advertisement) : advertisement);
    }
    return new AdvertisedKeys(keys.ref(), changed);
  }
}
