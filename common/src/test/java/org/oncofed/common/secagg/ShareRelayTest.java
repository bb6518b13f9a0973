package org.oncofed.common.secagg;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oncofed.common.secagg.TestPki.site;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.SiteId;

/** The aggregator relays shares it can neither read, alter nor redirect. */
class ShareRelayTest {

  @TempDir static Path dir;
  private static TestPki pki;

  @BeforeAll
  static void createPki() {
    pki = new TestPki(dir.resolve("pki"), 3);
  }

  private static TestRound round(long seed) {
    return new TestRound(pki, new SecaggRound(new RoundRef("exp-1", 1), TestPki.sites(3), 2,
        new FixedPointEncoding(24, 4.0, 1000), 10), seed);
  }

  @Test
  void aShareAlteredInTransitIsRefusedNamingItsSender() {
    TestRound round = round(1);
    SortedMap<SiteId, SharesForSite> relayed = round.share(round.advertise());
    SharesForSite genuine = relayed.get(site(1));
    Map<SiteId, byte[]> ciphertexts = new HashMap<>(genuine.ciphertexts());
    byte[] altered = ciphertexts.get(site(2)).clone();
    altered[altered.length / 2] ^= 1;
    ciphertexts.put(site(2), altered);

    assertThatThrownBy(() -> round.sessions.get(site(1)).maskInput(
            new SharesForSite(genuine.ref(), site(1), ciphertexts), round.encoded(site(1))))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the relayed shares: the shares from site-02 do not authenticate; they were altered, or"
            + " encrypted for another site or round");
  }

  @Test
  void aShareRedirectedToAnotherSiteIsRefused() {
    TestRound round = round(2);
    SortedMap<SiteId, SharesForSite> relayed = round.share(round.advertise());
    SharesForSite genuine = relayed.get(site(1));
    Map<SiteId, byte[]> ciphertexts = new HashMap<>(genuine.ciphertexts());
    // What site-02 encrypted for site-03, handed to site-01 as if it were site-01's.
    ciphertexts.put(site(2), relayed.get(site(3)).ciphertexts().get(site(2)));

    assertThatThrownBy(() -> round.sessions.get(site(1)).maskInput(
            new SharesForSite(genuine.ref(), site(1), ciphertexts), round.encoded(site(1))))
        .isInstanceOf(SecaggException.class)
        .hasMessageStartingWith("refused the relayed shares: the shares from site-02 do not authenticate");
  }

  @Test
  void sharesAddressedToAnotherSiteAreRefused() {
    TestRound round = round(3);
    SortedMap<SiteId, SharesForSite> relayed = round.share(round.advertise());

    assertThatThrownBy(() -> round.sessions.get(site(1)).maskInput(relayed.get(site(2)), round.encoded(site(1))))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the relayed shares: they are addressed to site-02, this site is site-01");
  }
}
