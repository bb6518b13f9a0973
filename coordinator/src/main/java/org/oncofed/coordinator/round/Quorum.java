package org.oncofed.coordinator.round;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oncofed.common.SiteId;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.task.Cancellation;

/**
 * Waits until an experiment's quorum of eligible sites is connected, the deadline passes or the
 * experiment is cancelled. Every step that sends tasks waits here first, so that a step resumed
 * just after a coordinator restart does not run before the nodes have reconnected.
 */
@Singleton
public class Quorum {

  private final ConnectedNodes nodes;
  private final Clock clock;

  Quorum(ConnectedNodes nodes, Clock clock) {
    this.nodes = nodes;
    this.clock = clock;
  }

  /** @return the eligible sites connected when the wait ended (fewer than the quorum at the deadline) */
  public List<SiteId> await(ExperimentPlan plan, Instant deadline, Cancellation cancellation)
      throws InterruptedException {
    while (true) {
      List<SiteId> eligible = SiteSelector.eligible(nodes.snapshot(), plan);
      if (eligible.size() >= plan.minNodes() || cancellation.isCancelled() || !clock.instant().isBefore(deadline)) {
        return eligible;
      }
      Thread.sleep(500);
    }
  }
}
