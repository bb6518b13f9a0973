package org.oncofed.common.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oncofed.common.SiteId;

class SecaggRoundTest {

  private static final RoundRef REF = new RoundRef("exp-1", 1);
  private static final FixedPointEncoding ENCODING = new FixedPointEncoding(24, 4.0, 1000);

  @Test
  void theThresholdMustBeAStrictMajorityAndAtMostAllSites() {
    assertThatThrownBy(() -> new SecaggRound(REF, TestPki.sites(6), 3, ENCODING, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold 3 is not allowed for 6 sites: expected a strict majority and at most all sites,"
            + " between 4 and 6");
    assertThatThrownBy(() -> new SecaggRound(REF, TestPki.sites(6), 7, ENCODING, 10))
        .hasMessageStartingWith("threshold 7 is not allowed for 6 sites");
    assertThat(new SecaggRound(REF, TestPki.sites(6), 4, ENCODING, 10).threshold()).isEqualTo(4);
    assertThat(new SecaggRound(REF, TestPki.sites(3), 2, ENCODING, 10).threshold()).isEqualTo(2);
  }

  @Test
  void federationsOfThreeToTwentySitesAreAccepted() {
    assertThatThrownBy(() -> new SecaggRound(REF, TestPki.sites(2), 2, ENCODING, 10))
        .hasMessage("secure aggregation needs between 3 and 20 sites, found 2 [site-01, site-02]");
    assertThatThrownBy(() -> new SecaggRound(REF, TestPki.sites(21), 15, ENCODING, 10))
        .hasMessageStartingWith("secure aggregation needs between 3 and 20 sites, found 21");
    assertThat(new SecaggRound(REF, TestPki.sites(20), 11, ENCODING, 10).sites()).hasSize(20);
  }

  @Test
  void anEncodingThatCouldOverflowForTheFederationIsRefused() {
    FixedPointEncoding fifteenSites = new FixedPointEncoding(33, 64.0, 1 << 20);

    assertThat(new SecaggRound(REF, TestPki.sites(15), 8, fifteenSites, 10).sites()).hasSize(15);
    assertThatThrownBy(() -> new SecaggRound(REF, TestPki.sites(16), 9, fifteenSites, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("fixed-point settings could overflow for 16 sites")
        .hasMessageContaining("at most 15 sites");
  }

  @Test
  void shareIndicesFollowTheSortedSites() {
    SecaggRound round = new SecaggRound(REF, TestPki.sites(4), 3, ENCODING, 10);

    assertThat(round.shareIndex(SiteId.of("site-01"))).isEqualTo(1);
    assertThat(round.shareIndex(SiteId.of("site-04"))).isEqualTo(4);
  }

  @Test
  void everySettingChangesTheSignedDigest() {
    SecaggRound round = new SecaggRound(REF, TestPki.sites(4), 3, ENCODING, 10);

    assertThat(round.digest()).isEqualTo(new SecaggRound(REF, TestPki.sites(4), 3, ENCODING, 10).digest());
    assertThat(round.digest())
        .isNotEqualTo(new SecaggRound(new RoundRef("exp-1", 2), TestPki.sites(4), 3, ENCODING, 10).digest())
        .isNotEqualTo(new SecaggRound(REF, TestPki.sites(5), 3, ENCODING, 10).digest())
        .isNotEqualTo(new SecaggRound(REF, TestPki.sites(4), 4, ENCODING, 10).digest())
        .isNotEqualTo(new SecaggRound(REF, TestPki.sites(4), 3, new FixedPointEncoding(23, 4.0, 1000), 10).digest())
        .isNotEqualTo(new SecaggRound(REF, TestPki.sites(4), 3, new FixedPointEncoding(24, 4.5, 1000), 10).digest())
        .isNotEqualTo(new SecaggRound(REF, TestPki.sites(4), 3, new FixedPointEncoding(24, 4.0, 999), 10).digest())
        .isNotEqualTo(new SecaggRound(REF, TestPki.sites(4), 3, ENCODING, 11).digest());
  }
}
