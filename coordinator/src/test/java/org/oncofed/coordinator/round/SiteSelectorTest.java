package org.oncofed.coordinator.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.common.SiteId;
import org.oncofed.coordinator.nodes.ConnectedNode;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.proto.federation.v1.DatasetSummary;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.NodeState;
import org.oncofed.proto.federation.v1.SplitCounts;

class SiteSelectorTest {

  @Test
  void onlyAllowedSitesWithTrainingDataAndTheArchitectureAreEligible() {
    ExperimentPlan plan = plan(1.0, 1, List.of("alpha", "bravo", "charlie"));
    List<ConnectedNode> connected = List.of(
        node("alpha", 10, "small-cnn"),
        node("bravo", 0, "small-cnn"),
        node("charlie", 10, "resnet-lite"),
        node("delta", 10, "small-cnn"));

    assertThat(SiteSelector.eligible(connected, plan)).containsExactly(SiteId.of("alpha"));
  }

  @Test
  void samplesTheConfiguredFractionButNeverFewerThanTheQuorum() {
    List<SiteId> eligible = List.of(SiteId.of("a"), SiteId.of("b"), SiteId.of("c"), SiteId.of("d"), SiteId.of("e"));

    assertThat(SiteSelector.sample(eligible, plan(0.4, 1, List.of()), 1)).hasSize(2);
    assertThat(SiteSelector.sample(eligible, plan(0.2, 3, List.of()), 1)).hasSize(3);
    assertThat(SiteSelector.sample(eligible, plan(1.0, 1, List.of()), 1)).hasSize(5);
  }

  @Test
  void sampleIsReproducibleForARoundAndVariesBetweenRounds() {
    List<SiteId> eligible = List.of(SiteId.of("a"), SiteId.of("b"), SiteId.of("c"), SiteId.of("d"), SiteId.of("e"),
        SiteId.of("f"), SiteId.of("g"), SiteId.of("h"));
    ExperimentPlan plan = plan(0.25, 1, List.of());

    assertThat(SiteSelector.sample(eligible, plan, 3)).isEqualTo(SiteSelector.sample(eligible, plan, 3));
    assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(round -> SiteSelector.sample(eligible, plan, round)).distinct())
        .hasSizeGreaterThan(1);
  }

  private static ExperimentPlan plan(double fraction, int minNodes, List<String> sites) {
    return ExperimentPlan.of("e", new ExperimentConfig("t", new ExperimentConfig.ModelConfig("small-cnn", 32, null, null),
        new ExperimentConfig.LocalTraining(1, 8, null, 0.01, null, null, null, null, null, null, null, null, null, null, null, null, null), null, 1, minNodes,
        fraction, null, null, null, null, sites).withDefaults());
  }

  private static ConnectedNode node(String site, long trainSlices, String architecture) {
    SplitCounts split = SplitCounts.newBuilder().addPerClass(trainSlices).addPerClass(0).addPerClass(0).build();
    Hello hello = Hello.newBuilder().setSiteId(site).addCatalogue(architecture)
        .setDataset(DatasetSummary.newBuilder().setTrain(split).setValidation(split).setTest(split))
        .build();
    return new ConnectedNode(SiteId.of(site), "01", hello, Instant.now(), Instant.now(), NodeState.NODE_STATE_IDLE, "");
  }
}
