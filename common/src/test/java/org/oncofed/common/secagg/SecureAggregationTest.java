package org.oncofed.common.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.oncofed.common.secagg.TestPki.site;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oncofed.common.SiteId;

/** A whole round: the aggregator learns the survivors' weighted sum, whoever drops out, or nothing at all. */
class SecureAggregationTest {

  private static final FixedPointEncoding ENCODING = new FixedPointEncoding(24, 4.0, 10_000);
  private static final int PARAMETERS = 5_000;

  @TempDir static Path dir;
  private static TestPki pki;

  @BeforeAll
  static void createPki() {
    pki = new TestPki(dir.resolve("pki"), 7);
  }

  private static SecaggRound round(int sites, int threshold) {
    return new SecaggRound(new RoundRef("exp-1", 3), TestPki.sites(sites), threshold, ENCODING, PARAMETERS);
  }

  @Test
  void unmaskedSumEqualsThePlainWeightedSumWithinTheFixedPointError() {
    TestRound round = new TestRound(pki, round(5, 3), 1);

    AggregateResult result = round.run();

    SortedSet<SiteId> all = TestPki.sites(5);
    assertThat(result.contributors()).isEqualTo(all);
    assertMatchesPlainSum(round, result, all);
  }

  @Test
  void theMeanIsTheFedAvgAverageWithinHalfAFixedPointUnit() {
    TestRound round = new TestRound(pki, round(3, 2), 2);

    AggregateResult result = round.run();

    SortedSet<SiteId> all = TestPki.sites(3);
    double[] plain = round.plainWeightedSum(all);
    double totalWeight = round.plainTotalWeight(all);
    double[] mean = result.mean();
    for (int i = 0; i < mean.length; i++) {
      assertThat(mean[i]).isCloseTo(plain[i] / totalWeight,
          within(Math.scalb(1.0, -25) + 1e-12));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Phase.class, names = "UNMASKING", mode = EnumSource.Mode.EXCLUDE)
  void aSiteDroppingAfterAPhaseLeavesTheCorrectSumOfTheRest(Phase lastAnswered) {
    SiteId leaving = site(2);
    TestRound round = new TestRound(pki, round(5, 3), 3).leaveAfter(leaving, lastAnswered);

    AggregateResult result = round.run();

    // Up to ShareKeys the site's input was never sent; from MaskedInputCollection on, it is in the sum.
    SortedSet<SiteId> expected = TestPki.sites(5);
    if (lastAnswered.compareTo(Phase.MASKED_INPUT_COLLECTION) < 0) {
      expected.remove(leaving);
    }
    assertThat(result.contributors()).isEqualTo(expected);
    assertMatchesPlainSum(round, result, expected);
  }

  @Test
  void sitesDroppingInDifferentPhasesAtOnceStillGiveTheSumOfTheSurvivors() {
    TestRound round = new TestRound(pki, round(7, 4), 4)
        .leaveAfter(site(1), Phase.ADVERTISE_KEYS)
        .leaveAfter(site(3), Phase.SHARE_KEYS)
        .leaveAfter(site(5), Phase.MASKED_INPUT_COLLECTION);

    AggregateResult result = round.run();

    SortedSet<SiteId> expected = new TreeSet<>(List.of(site(2), site(4), site(5), site(6), site(7)));
    assertThat(result.contributors()).isEqualTo(expected);
    assertMatchesPlainSum(round, result, expected);
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void fewerThanThresholdSitesInAPhaseFailTheRoundWithoutAResult(Phase phase) {
    // Five sites, threshold 3: three leave just before the phase, so two answer in it.
    TestRound round = new TestRound(pki, round(5, 3), 5);
    for (int i = 3; i <= 5; i++) {
      if (phase == Phase.ADVERTISE_KEYS) {
        round.absent(site(i));
      } else {
        round.leaveAfter(site(i), Phase.values()[phase.ordinal() - 1]);
      }
    }

    assertThatThrownBy(round::run)
        .isInstanceOfSatisfying(TooFewSitesException.class, e -> {
          assertThat(e.phase()).isEqualTo(phase);
          assertThat(e.present()).isEqualTo(2);
          assertThat(e.needed()).isEqualTo(3);
        })
        .hasMessageContaining(phase.label() + ": 2 site(s) present [site-01, site-02], at least 3 needed");
    assertThatThrownBy(round.aggregator::finish)
        .isInstanceOf(SecaggException.class)
        .hasMessageContaining("the round failed: " + phase.label() + ": 2 site(s) present");
  }

  @Test
  void messagesForAnotherRoundOrExperimentAreRefused() {
    TestRound round = new TestRound(pki, round(3, 2), 6);
    SecaggRound nextRound = new SecaggRound(new RoundRef("exp-1", 4), TestPki.sites(3), 2, ENCODING, PARAMETERS);
    SecaggRound otherExperiment = new SecaggRound(new RoundRef("exp-2", 3), TestPki.sites(3), 2, ENCODING, PARAMETERS);
    SiteSession nextRoundSite = new SiteSession(nextRound, pki.identity(site(1)), pki.verifier, new SecureRandom());
    TestRound other = new TestRound(pki, otherExperiment, 6);

    assertThatThrownBy(() -> round.aggregator.accept(nextRoundSite.advertiseKeys()))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the keys of site site-01: it is for experiment exp-1 round 4, expected experiment exp-1"
            + " round 3");
    AdvertisedKeys otherKeys = other.advertise();
    round.advertise();
    assertThatThrownBy(() -> round.sessions.get(site(2)).shareKeys(otherKeys))
        .isInstanceOf(SecaggException.class)
        .hasMessage("refused the advertised keys: it is for experiment exp-2 round 3, expected experiment exp-1"
            + " round 3");
  }

  @Test
  void aMaskedInputFromAnotherRoundIsRefusedAndTheSiteCountsAsDropped() {
    TestRound round = new TestRound(pki, round(4, 3), 7);
    var relayed = round.share(round.advertise());
    MaskedInput genuine = round.sessions.get(site(1)).maskInput(relayed.get(site(1)), round.encoded(site(1)));
    MaskedInput replayed = new MaskedInput(new RoundRef("exp-1", 2), site(1), genuine.values());

    assertThatThrownBy(() -> round.aggregator.accept(replayed))
        .isInstanceOf(SecaggException.class)
        .hasMessageContaining("it is for experiment exp-1 round 2, expected experiment exp-1 round 3");
    for (int i = 2; i <= 4; i++) {
      round.aggregator.accept(round.sessions.get(site(i)).maskInput(relayed.get(site(i)), round.encoded(site(i))));
    }
    SurvivorList survivors = round.aggregator.closeMaskedInputs();
    assertThat(survivors.survivors()).containsExactly(site(2), site(3), site(4));
    AggregateResult result = round.unmask(round.confirm(survivors));
    assertMatchesPlainSum(round, result, survivors.survivors());
  }

  private static void assertMatchesPlainSum(TestRound round, AggregateResult result, Collection<SiteId> contributors) {
    double[] plain = round.plainWeightedSum(contributors);
    long totalWeight = round.plainTotalWeight(contributors);
    assertThat(result.totalWeight()).isEqualTo(totalWeight);
    double bound = ENCODING.maxSumError(totalWeight);
    double[] sum = result.weightedSum();
    assertThat(sum).hasSameSizeAs(plain);
    for (int i = 0; i < sum.length; i++) {
      // The bound, plus the float64 rounding of the reference sum itself.
      assertThat(Math.abs(sum[i] - plain[i])).as("coordinate %d", i).isLessThanOrEqualTo(bound + Math.ulp(plain[i]) * 8);
    }
  }
}
