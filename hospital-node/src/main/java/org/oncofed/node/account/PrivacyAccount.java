package org.oncofed.node.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.oncofed.node.ledger.NodeLedger;
import org.oncofed.node.privacy.RdpAccountant;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.PrivacySpent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's privacy account of its training data and the budget its policy sets on it.
 *
 * <p>The unit of privacy is the site's whole training split: a release (an update, or a local-only
 * baseline) is the model change computed from all of it, clipped to the L2 norm C and given
 * Gaussian noise of standard deviation z·C, so between the split and no split at all it moves by
 * at most C: a Gaussian mechanism with noise multiplier z, charged once per release. No sampling
 * is done at the site, so none is claimed. A release without clipping or without noise has no
 * bound. Releases compose by {@link RdpAccountant}; the account is rebuilt from the ledger's
 * {@code UPDATE_SENT} entries when the node starts, so it spans rounds, experiments and baselines
 * and survives restarts and re-registering the dataset.
 *
 * <p>Evaluation reports are computed from models already released (post-processing, free with
 * respect to the training split) and from a validation or test split the models never trained on;
 * they are exact counts over that split, an unbounded loss for its patients. A site with a budget
 * therefore releases them only if its policy says so ({@code allow-exact-evaluation-counts}).
 */
@Singleton
public class PrivacyAccount {

  private static final Logger LOG = LoggerFactory.getLogger(PrivacyAccount.class);

  /** Why a release was refused, the account when it was, and the ε the release would have reached. */
  public record Refusal(String reason, PrivacySpent spent, double taskEpsilon) {}

  private final double maxEpsilon;
  private final double delta;
  private final boolean exactEvaluationCounts;
  private RdpAccountant accountant = RdpAccountant.empty();

  PrivacyAccount(@Value("${oncofed.node.policy.max-epsilon:0}") double maxEpsilon,
      @Value("${oncofed.node.policy.delta:1e-5}") double delta,
      @Value("${oncofed.node.policy.allow-exact-evaluation-counts:false}") boolean exactEvaluationCounts,
      NodeLedger ledger) {
    if (!(maxEpsilon >= 0) || !Double.isFinite(maxEpsilon)) {
      throw new IllegalArgumentException("oncofed.node.policy.max-epsilon must be a finite number of at least 0 "
          + "(0: no limit), found " + maxEpsilon);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("oncofed.node.policy.delta must be between 0 and 1 (exclusive), found "
          + delta);
    }
    this.maxEpsilon = maxEpsilon;
    this.delta = delta;
    this.exactEvaluationCounts = exactEvaluationCounts;
    for (PrivacyConfig release : ledger.trainingReleases()) {
      accountant = accountant.plusGaussian(noiseMultiplier(release));
    }
    LOG.info("Privacy account of the training data: {} release(s), epsilon {} at delta {}{}", accountant.releases(),
        text(accountant.epsilon(delta)), delta, maxEpsilon > 0 ? ", max-epsilon " + maxEpsilon : ", no limit");
  }

  /** The account now. */
  public synchronized PrivacySpent spent() {
    return spent(accountant);
  }

  /**
   * Why a training release with these filters must not leave: it would take ε past the site's
   * max-epsilon. Empty when it may, or when the site sets no limit.
   */
  public synchronized Optional<Refusal> refuseRelease(PrivacyConfig privacy) {
    double after = accountant.plusGaussian(noiseMultiplier(privacy)).epsilon(delta);
    if (maxEpsilon == 0 || after <= maxEpsilon) {
      return Optional.empty();
    }
    double now = accountant.epsilon(delta);
    String cost = Double.isInfinite(after) ? "an unbounded epsilon (its update would "
        + (privacy.getClipNorm() > 0 ? "carry no noise" : "not be clipped") + ")" : "epsilon " + text(after);
    return Optional.of(new Refusal(String.format(Locale.ROOT, "privacy budget: this task would take the site's "
        + "training data to %s at delta %s, over its max-epsilon %s (spent %s, left %s)", cost, delta, maxEpsilon,
        text(now), text(Math.max(0, maxEpsilon - now))), spent(accountant), after));
  }

  /**
   * Charges a release about to leave and returns the account after it, for the ledger and the
   * upload. Checks the budget again: a task accepted earlier may meet an account that grew since.
   *
   * @throws IllegalStateException when the release would cross the budget
   */
  public synchronized PrivacySpent charge(PrivacyConfig applied) {
    refuseRelease(applied).ifPresent(refusal -> {
      throw new IllegalStateException(refusal.reason());
    });
    accountant = accountant.plusGaussian(noiseMultiplier(applied));
    return spent(accountant);
  }

  /** Why an evaluation report must not leave, or empty when it may; see the class comment. */
  public Optional<String> refuseEvaluation() {
    if (maxEpsilon == 0 || exactEvaluationCounts) {
      return Optional.empty();
    }
    return Optional.of("privacy budget: evaluation reports are exact counts (an unbounded epsilon for the evaluated "
        + "split) and this site sets max-epsilon " + maxEpsilon + " without allow-exact-evaluation-counts");
  }

  private PrivacySpent spent(RdpAccountant state) {
    return PrivacySpent.newBuilder()
        .setEpsilon(state.epsilon(delta))
        .setDelta(delta)
        .setMaxEpsilon(maxEpsilon)
        .build();
  }

  /** The release's noise multiplier; 0 (unbounded) without clipping, since noise is scaled to the clip norm. */
  private static double noiseMultiplier(PrivacyConfig privacy) {
    return privacy.getClipNorm() > 0 ? privacy.getNoiseMultiplier() : 0;
  }

  /** An epsilon for people: four decimals, or "infinite". */
  public static String text(double epsilon) {
    return Double.isInfinite(epsilon) ? "infinite" : String.format(Locale.ROOT, "%.4f", epsilon);
  }
}
