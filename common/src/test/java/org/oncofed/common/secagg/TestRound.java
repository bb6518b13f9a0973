package org.oncofed.common.secagg;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.oncofed.common.SiteId;

/**
 * One round between an aggregator session and a site session per invited site, relaying messages as
 * the coordinator and the nodes will, with chosen sites leaving after chosen phases. Each site's
 * update is random (some values beyond the clip bound) and kept for the expected sum.
 */
final class TestRound {

  final SecaggRound round;
  final AggregatorSession aggregator;
  final SortedMap<SiteId, SiteSession> sessions = new TreeMap<>();
  private final Map<SiteId, float[]> updates = new HashMap<>();
  private final Map<SiteId, Long> sampleCounts = new HashMap<>();
  /** By site, the ordinal of the last phase it answers in; sites not here answer in every phase. */
  private final Map<SiteId, Integer> lastAnswered = new HashMap<>();

  TestRound(TestPki pki, SecaggRound round, long seed) {
    this.round = round;
    this.aggregator = new AggregatorSession(round, pki.verifier);
    Random values = new Random(seed);
    for (SiteId site : round.sites()) {
      sessions.put(site, new SiteSession(round, pki.identity(site), pki.verifier, new SecureRandom()));
      float[] update = new float[round.parameterCount()];
      for (int i = 0; i < update.length; i++) {
        update[i] = (float) (values.nextGaussian() * round.encoding().clipBound() / 2);
      }
      updates.put(site, update);
      sampleCounts.put(site, 1 + (long) values.nextInt((int) round.encoding().maxSampleCount()));
    }
  }

  /** {@code site} answers up to and including {@code phase}, then drops out. */
  TestRound leaveAfter(SiteId site, Phase phase) {
    lastAnswered.put(site, phase.ordinal());
    return this;
  }

  /** {@code site} never answers. */
  TestRound absent(SiteId site) {
    lastAnswered.put(site, -1);
    return this;
  }

  AggregateResult run() {
    return unmask(confirm(mask(share(advertise()))));
  }

  AdvertisedKeys advertise() {
    for (SiteId site : sessions.keySet()) {
      if (answers(site, Phase.ADVERTISE_KEYS)) {
        aggregator.accept(sessions.get(site).advertiseKeys());
      }
    }
    return aggregator.closeAdvertising();
  }

  SortedMap<SiteId, SharesForSite> share(AdvertisedKeys keys) {
    for (KeyAdvertisement advertisement : keys.advertisements()) {
      SiteId site = advertisement.site();
      if (answers(site, Phase.SHARE_KEYS)) {
        aggregator.accept(sessions.get(site).shareKeys(keys));
      }
    }
    return aggregator.closeSharing();
  }

  SurvivorList mask(Map<SiteId, SharesForSite> relayed) {
    relayed.forEach((site, shares) -> {
      if (answers(site, Phase.MASKED_INPUT_COLLECTION)) {
        aggregator.accept(sessions.get(site).maskInput(shares, encoded(site)));
      }
    });
    return aggregator.closeMaskedInputs();
  }

  UnmaskingRequest confirm(SurvivorList survivors) {
    for (SiteId site : survivors.survivors()) {
      if (answers(site, Phase.CONSISTENCY_CHECK)) {
        aggregator.accept(sessions.get(site).confirmSurvivors(survivors));
      }
    }
    return aggregator.closeConsistencyCheck();
  }

  AggregateResult unmask(UnmaskingRequest request) {
    for (SiteId site : new TreeMap<>(request.consistencySignatures()).keySet()) {
      if (answers(site, Phase.UNMASKING)) {
        aggregator.accept(sessions.get(site).unmask(request));
      }
    }
    return aggregator.finish();
  }

  EncodedUpdate encoded(SiteId site) {
    return round.encoding().encode(updates.get(site), sampleCounts.get(site));
  }

  /** The float64 sum of sample count times clipped update over {@code sites}: what FedAvg would sum. */
  double[] plainWeightedSum(Collection<SiteId> sites) {
    double clip = round.encoding().clipBound();
    double[] sum = new double[round.parameterCount()];
    for (SiteId site : sites) {
      float[] update = updates.get(site);
      long weight = sampleCounts.get(site);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += weight * Math.max(-clip, Math.min(clip, update[i]));
      }
    }
    return sum;
  }

  long plainTotalWeight(Collection<SiteId> sites) {
    return sites.stream().mapToLong(sampleCounts::get).sum();
  }

  private boolean answers(SiteId site, Phase phase) {
    return phase.ordinal() <= lastAnswered.getOrDefault(site, Integer.MAX_VALUE);
  }
}
