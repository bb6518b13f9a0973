package org.oncofed.common.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oncofed.common.secagg.TestPki.site;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.SiteId;

/** A refused message leaves the aggregator as it was: its sender counts as dropped, the round goes on. */
class AggregatorSessionTest {

  private static final FixedPointEncoding ENCODING = new FixedPointEncoding(24, 4.0, 1000);

  @TempDir static Path dir;
  private static TestPki pki;

  @BeforeAll
  static void createPki() {
    pki = new TestPki(dir.resolve("pki"), 4);
  }

  private static SecaggRound round(int sites) {
    return new SecaggRound(new RoundRef("exp-1", 3), TestPki.sites(sites), sites / 2 + 1, ENCODING, 20);
  }

  @Test
  void keysOfAnUninvitedSiteAreRefused() {
    TestRound round = new TestRound(pki, round(3), 1);
    SiteSession outsider = new SiteSession(round(4), pki.identity(site(4)), pki.verifier, new SecureRandom());

    assertThatThrownBy(() -> round.aggregator.accept(outsider.advertiseKeys()))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the keys of site site-04: site site-04 is not invited to experiment exp-1 round 3"
            + " (invited: [site-01, site-02, site-03])");
  }

  @Test
  void repeatedAndLateMessagesAreRefusedAndTheRoundGoesOn() {
    TestRound round = new TestRound(pki, round(3), 2);
    KeyAdvertisement first = round.sessions.get(site(1)).advertiseKeys();
    round.aggregator.accept(first);

    assertThatThrownBy(() -> round.aggregator.accept(first))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the keys of site site-01: already received");
    round.aggregator.accept(round.sessions.get(site(2)).advertiseKeys());
    AdvertisedKeys keys = round.aggregator.closeAdvertising();
    KeyAdvertisement late = round.sessions.get(site(3)).advertiseKeys();
    assertThatThrownBy(() -> round.aggregator.accept(late))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the keys of site site-03: sent for the AdvertiseKeys phase, but the open phase is"
            + " ShareKeys");

    AggregateResult result = round.unmask(round.confirm(round.mask(round.share(keys))));
    assertThat(result.contributors()).containsExactly(site(1), site(2));
  }

  @Test
  void aMaskedInputOfTheWrongLengthIsRefused() {
    TestRound round = new TestRound(pki, round(3), 3);
    SortedMap<SiteId, SharesForSite> relayed = round.share(round.advertise());
    MaskedInput input = round.sessions.get(site(1)).maskInput(relayed.get(site(1)), round.encoded(site(1)));

    assertThatThrownBy(() -> round.aggregator.accept(new MaskedInput(input.ref(), site(1), new long[5])))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the masked input of site site-01: expected 21 values (20 parameters and the sample"
            + " count), found 5");
  }

  @Test
  void sharesThatLeaveOutAnAdvertisingSiteAreRefused() {
    TestRound round = new TestRound(pki, round(3), 4);
    AdvertisedKeys keys = round.advertise();
    EncryptedShares shares = round.sessions.get(site(1)).shareKeys(keys);
    Map<SiteId, byte[]> partial = new HashMap<>(shares.ciphertexts());
    partial.remove(site(3));

    assertThatThrownBy(() -> round.aggregator.accept(new EncryptedShares(shares.ref(), site(1), partial)))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the shares of site site-01: expected ciphertexts for [site-01, site-02, site-03], found"
            + " [site-01, site-02]");
  }

  @Test
  void aWrongShareAmongMoreThanThresholdFailsTheRoundWithoutAResult() {
    TestRound round = new TestRound(pki, round(4), 5);

    assertThatThrownBy(() -> unmaskWithOneWrongShare(round, site(2), true))
        .isInstanceOf(SecaggException.class)
        .hasMessageStartingWith("cannot reconstruct the self-mask seed of site-02: the share with index 4 does not lie"
            + " on the polynomial of shares [1, 2, 3]");
    assertThatThrownBy(round.aggregator::finish)
        .hasMessageStartingWith("cannot close Unmasking: the round failed: cannot reconstruct");
  }

  @Test
  void aWrongMaskingKeyShareAmongExactlyThresholdIsDetected() {
    TestRound round = new TestRound(pki, round(4), 6).leaveAfter(site(4), Phase.SHARE_KEYS);

    assertThatThrownBy(() -> unmaskWithOneWrongShare(round, site(4), false))
        .isInstanceOf(SecaggException.class)
        .hasMessage("the masking key of site-04 reconstructed from the shares does not match the public key it"
            + " advertised; a site sent a wrong share");
  }

  @Test
  void aWrongSelfMaskSeedShareAmongExactlyThresholdIsDetected() {
    TestRound round = new TestRound(pki, round(4), 7).leaveAfter(site(4), Phase.SHARE_KEYS);

    assertThatThrownBy(() -> unmaskWithOneWrongShare(round, site(2), true))
        .isInstanceOf(SecaggException.class)
        .hasMessageStartingWith("the unmasked total weight is ")
        .hasMessageEndingWith("for 3 sites; a site sent a wrong share or a wrongly masked input");
  }

  /** Runs the round to the end, with site-01's share of {@code target}'s seed or key off by one. */
  private static AggregateResult unmaskWithOneWrongShare(TestRound round, SiteId target, boolean seed) {
    UnmaskingRequest request = round.confirm(round.mask(round.share(round.advertise())));
    for (SiteId site : request.survivors()) {
      UnmaskingShares shares = round.sessions.get(site).unmask(request);
      if (site.equals(site(1))) {
        Map<SiteId, Share> seeds = new HashMap<>(shares.selfMaskSeedShares());
        Map<SiteId, Share> keys = new HashMap<>(shares.maskingKeyShares());
        Map<SiteId, Share> changed = seed ? seeds : keys;
        Share share = changed.get(target);
        changed.put(target, new Share(share.index(), share.value().add(BigInteger.ONE)));
        shares = new UnmaskingShares(shares.ref(), site, seeds, keys);
      }
      round.aggregator.accept(shares);
    }
    return round.aggregator.finish();
  }
}
