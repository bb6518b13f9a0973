package org.oncofed.common.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oncofed.common.hash.Sha256;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.ModelSpec;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.SitePlan;
import org.oncofed.proto.federation.v1.TrainingConfig;

/**
 * The canonical form of a plan, which coordinator and node must compute alike: pinned here, so that
 * a change to the rule (which would void every site's approvals) cannot pass unnoticed.
 */
class SitePlansTest {

  private static final SitePlan PLAN = SitePlan.newBuilder()
      .setCoordinator("coordinator")
      .setExperimentId("e-1")
      .setExperimentName("lung nodules")
      .setResearcher("rita")
      .setSpec(ModelSpec.newBuilder().setArchitecture("small-cnn").setInputSize(64).setChannels(1)
          .addClasses("normal").addClasses("benign").addClasses("malignant").setSeed(42))
      .setTraining(TrainingConfig.newBuilder().setEpochs(2).setBatchSize(16).setOptimizer("adam")
          .setLearningRate(0.002).setClassWeightedLoss(true).setSeed(7).setWindowCenter(40).setWindowWidth(400))
      .setPrivacy(PrivacyConfig.newBuilder().setClipNorm(5).setNoiseMultiplier(1.1))
      .setStrategy("trimmed-mean")
      .putStrategySettings("trim", 0.2)
      .setRounds(8)
      .setLocalBaselines(true)
      .setShareBaselines(true)
      .addEvaluationSplits(DataSplit.DATA_SPLIT_VALIDATION)
      .addEvaluationSplits(DataSplit.DATA_SPLIT_TEST)
      .build();

  private static final String PINNED = "{\"coordinator\":\"coordinator\","
      + "\"evaluation_splits\":[\"DATA_SPLIT_VALIDATION\",\"DATA_SPLIT_TEST\"],"
      + "\"experiment_id\":\"e-1\",\"experiment_name\":\"lung nodules\",\"local_baselines\":true,"
      + "\"privacy\":{\"clip_norm\":5.0,\"noise_multiplier\":1.1},\"researcher\":\"rita\",\"rounds\":8,"
      + "\"share_baselines\":true,"
      + "\"spec\":{\"architecture\":\"small-cnn\",\"channels\":1,\"classes\":[\"normal\",\"benign\",\"malignant\"],"
      + "\"input_size\":64,\"seed\":42},"
      + "\"strategy\":\"trimmed-mean\",\"strategy_settings\":{\"trim\":0.2},"
      + "\"training\":{\"batch_size\":16,\"class_weighted_loss\":true,\"epochs\":2,\"learning_rate\":0.002,"
      + "\"optimizer\":\"adam\",\"seed\":7,\"window_center\":40.0,\"window_width\":400.0}}";

  @Test
  void canonicalFormIsTheSetFieldsByProtoNameWithKeysSorted() {
    assertThat(SitePlans.canonicalJson(PLAN)).isEqualTo(PINNED);
    assertThat(SitePlans.sha256(PLAN)).isEqualTo(Sha256.hex(PINNED));
  }

  @Test
  void anyChangeMakesANewPlanAndDefaultsAreLeftOut() throws Exception {
    String hash = SitePlans.sha256(PLAN);
    assertThat(SitePlans.sha256(PLAN.toBuilder().setRounds(9).build())).isNotEqualTo(hash);
    assertThat(SitePlans.sha256(PLAN.toBuilder().setResearcher("bob").build())).isNotEqualTo(hash);
    assertThat(SitePlans.sha256(PLAN.toBuilder().putStrategySettings("trim", 0.25).build())).isNotEqualTo(hash);
    assertThat(SitePlans.sha256(PLAN.toBuilder()
        .setPrivacy(PLAN.getPrivacy().toBuilder().setNoiseMultiplier(1.0)).build())).isNotEqualTo(hash);
    assertThat(SitePlans.sha256(PLAN.toBuilder()
        .setPrivacy(PLAN.getPrivacy().toBuilder().setSecureAggregation(false)).build())).isEqualTo(hash);
    assertThat(SitePlans.sha256(SitePlan.parseFrom(PLAN.toByteArray()))).isEqualTo(hash);
  }

  @Test
  void describesThePlanInWordsWithItsHash() {
    assertThat(SitePlans.describe(PLAN)).contains(
        "experiment     lung nodules (e-1)",
        "researcher     rita",
        "model          small-cnn, 64 px, 1 channel(s), classes normal/benign/malignant, seed 42",
        "strategy       trimmed-mean {trim=0.2}",
        "rounds         8, each 2 local epoch(s) in minibatches of 16",
        "privacy        updates clipped to L2 norm 5.0, Gaussian noise 1.1 x clip norm",
        "baselines      a local-only model per site (16 epochs), uploaded and evaluated on every site's test split",
        "evaluations    validation split after each aggregated round, test split at the end",
        "plan SHA-256   " + SitePlans.sha256(PLAN));
  }
}
