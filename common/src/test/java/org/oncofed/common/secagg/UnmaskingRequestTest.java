package org.oncofed.common.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oncofed.common.secagg.TestPki.site;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.SiteId;

/**
 * A site reveals, for each other site, the share of its self-mask seed or of its masking key, never
 * both: with both, the aggregator could strip every mask from that site's input and read its update.
 */
class UnmaskingRequestTest {

  private static final SiteId ASKED = site(1);

  @TempDir static Path dir;
  private static TestPki pki;

  @BeforeAll
  static void createPki() {
    pki = new TestPki(dir.resolve("pki"), 5);
  }

  /** Five sites, threshold 3, site-05 dropped after ShareKeys: the request as an honest aggregator sends it. */
  private static TestRound roundAtUnmasking(long seed) {
    SecaggRound round = new SecaggRound(new RoundRef("exp-1", 2), TestPki.sites(5), 3,
        new FixedPointEncoding(24, 4.0, 1000), 100);
    return new TestRound(pki, round, seed).leaveAfter(site(5), Phase.SHARE_KEYS);
  }

  private static UnmaskingRequest honestRequest(TestRound round) {
    return round.confirm(round.mask(round.share(round.advertise())));
  }

  @Test
  void anHonestRequestGetsSeedSharesOfSurvivorsAndKeySharesOfDropouts() {
    TestRound round = roundAtUnmasking(1);

    UnmaskingShares shares = round.sessions.get(ASKED).unmask(honestRequest(round));

    assertThat(shares.selfMaskSeedShares()).containsOnlyKeys(site(1), site(2), site(3), site(4));
    assertThat(shares.maskingKeyShares()).containsOnlyKeys(site(5));
  }

  @Test
  void aRequestNamingASiteBothSurvivorAndDropoutIsRefused() {
    TestRound round = roundAtUnmasking(2);
    UnmaskingRequest honest = honestRequest(round);
    SortedSet<SiteId> dropouts = new TreeSet<>(honest.dropouts());
    dropouts.add(site(3));
    UnmaskingRequest both = new UnmaskingRequest(honest.ref(), honest.survivors(), dropouts,
        honest.consistencySignatures());

    assertThatThrownBy(() -> round.sessions.get(ASKED).unmask(both))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the unmasking request: it lists site-03 as both survivor and dropout, which would reveal"
            + " both its self-mask seed share and its masking-key share, and with them its update");
    assertThatThrownBy(() -> round.sessions.get(ASKED).unmask(honest))
        .isInstanceOf(SecaggException.class)
        .hasMessageContaining("the session failed earlier");
  }

  @Test
  void aRequestCallingASurvivorADropoutIsRefused() {
    TestRound round = roundAtUnmasking(3);
    UnmaskingRequest honest = honestRequest(round);
    SortedSet<SiteId> survivors = new TreeSet<>(honest.survivors());
    survivors.remove(site(3));
    SortedSet<SiteId> dropouts = new TreeSet<>(honest.dropouts());
    dropouts.add(site(3));
    UnmaskingRequest moved = new UnmaskingRequest(honest.ref(), survivors, dropouts, honest.consistencySignatures());

    assertThatThrownBy(() -> round.sessions.get(ASKED).unmask(moved))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the unmasking request: its survivors [site-01, site-02, site-04] are not the set this"
            + " site signed, [site-01, site-02, site-03, site-04]");
  }

  @Test
  void aRequestThatHidesADropoutIsRefused() {
    TestRound round = roundAtUnmasking(4);
    UnmaskingRequest honest = honestRequest(round);
    UnmaskingRequest hiding = new UnmaskingRequest(honest.ref(), honest.survivors(), new TreeSet<>(),
        honest.consistencySignatures());

    assertThatThrownBy(() -> round.sessions.get(ASKED).unmask(hiding))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the unmasking request: expected dropouts [site-05] (sites that sent shares but no input),"
            + " found []");
  }

  @Test
  void aSecondRequestIsRefusedAfterTheFirstWasAnswered() {
    TestRound round = roundAtUnmasking(5);
    UnmaskingRequest honest = honestRequest(round);
    round.sessions.get(ASKED).unmask(honest);

    assertThatThrownBy(() -> round.sessions.get(ASKED).unmask(honest))
        .isInstanceOf(SecaggException.class)
        .hasMessage("site site-01 cannot answer the unmasking request: the session has answered its unmasking request,"
            + " and answers only one");
  }

  @Test
  void aForgedConsistencySignatureIsRefused() {
    TestRound round = roundAtUnmasking(6);
    UnmaskingRequest honest = honestRequest(round);
    Map<SiteId, byte[]> signatures = new HashMap<>(honest.consistencySignatures());
    signatures.put(site(4), signatures.get(site(2)));
    UnmaskingRequest forged = new UnmaskingRequest(honest.ref(), honest.survivors(), honest.dropouts(), signatures);

    assertThatThrownBy(() -> round.sessions.get(ASKED).unmask(forged))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the unmasking request: the consistency signature of site-04 does not verify over the"
            + " survivors [site-01, site-02, site-03, site-04]");
  }

  @Test
  void aRequestWithFewerThanThresholdConfirmationsIsRefused() {
    TestRound round = roundAtUnmasking(7);
    UnmaskingRequest honest = honestRequest(round);
    Map<SiteId, byte[]> two = Map.of(site(1), honest.consistencySignatures().get(site(1)),
        site(2), honest.consistencySignatures().get(site(2)));
    UnmaskingRequest thin = new UnmaskingRequest(honest.ref(), honest.survivors(), honest.dropouts(), two);

    assertThatThrownBy(() -> round.sessions.get(ASKED).unmask(thin))
        .isInstanceOfSatisfying(TooFewSitesException.class, e -> assertThat(e.phase()).isEqualTo(Phase.CONSISTENCY_CHECK))
        .hasMessageStartingWith("ConsistencyCheck: 2 site(s) present");
  }
}
