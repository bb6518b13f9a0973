package org.oncofed.coordinator.round;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.oncofed.common.SiteId;
import org.oncofed.coordinator.nodes.ConnectedNode;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.Hello;

/** Which connected sites may take part in a round, and which of them are asked. */
final class SiteSelector {

  private SiteSelector() {}

  /**
   * Sites that can take part now: connected, allowed by the experiment, with a registered dataset
   * that has training data, and able to build the experiment's architecture.
   */
  static List<SiteId> eligible(List<ConnectedNode> connected, ExperimentPlan plan) {
    List<SiteId> eligible = new ArrayList<>();
    for (ConnectedNode node : connected) {
      Hello hello = node.hello();
      boolean allowed = plan.allowedSites().isEmpty() || plan.allowedSites().contains(node.site().value());
      boolean hasData = node.registeredSlices(DataSplit.DATA_SPLIT_UNSPECIFIED) > 0;
      boolean canBuild = hello.getCatalogueList().contains(plan.spec().architecture());
      if (allowed && hasData && canBuild) {
        eligible.add(node.site());
      }
    }
    return eligible;
  }

  /**
   * A reproducible sample of the eligible sites for one round: the configured fraction of them,
   * rounded up, but never fewer than the quorum when that many are eligible.
   */
  static List<SiteId> sample(List<SiteId> eligible, ExperimentPlan plan, int round) {
    int wanted = (int) Math.ceil(plan.sampleFraction() * eligible.size());
    wanted = Math.min(eligible.size(), Math.max(wanted, plan.minNodes()));
    List<SiteId> shuffled = new ArrayList<>(eligible);
    Collections.sort(shuffled);
    Collections.shuffle(shuffled, new java.util.Random(new SplittableRandom(plan.spec().seed() * 31 + round).nextLong()));
    List<SiteId> chosen = new ArrayList<>(shuffled.subList(0, wanted));
    Collections.sort(chosen);
    return chosen;
  }
}
