package org.oncofed.node.approval;

import java.time.Instant;
import java.util.Objects;
import org.oncofed.common.plan.SitePlans;
import org.oncofed.proto.federation.v1.SitePlan;

/**
 * A plan the site has seen and where it stands.
 *
 * @param sha256 the plan's hash by {@link SitePlans#sha256}, computed here from {@code plan}
 * @param decidedBy who decided (an operator, or the policy rule); null while pending
 * @param decidedAt when; null while pending
 */
public record PlanRecord(String sha256, SitePlan plan, State state, Instant receivedAt, String decidedBy,
    Instant decidedAt) {

  /** Where a plan stands at the site. */
  public enum State { PENDING, APPROVED, REJECTED }

  public PlanRecord {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (!SitePlans.sha256(plan).equals(sha256)) {
      throw new IllegalArgumentException("plan hash " + sha256 + " does not match the plan, whose hash is "
          + SitePlans.sha256(plan));
    }
    if ((state == State.PENDING) != (decidedBy == null)) {
      throw new IllegalArgumentException("a plan is decided exactly when it says who decided; state " + state
          + ", decided by " + decidedBy);
    }
  }

  static PlanRecord pending(SitePlan plan, Instant now) {
    return new PlanRecord(SitePlans.sha256(plan), plan, State.PENDING, now, null, null);
  }

  PlanRecord decided(boolean approved, String by, Instant now) {
    return new PlanRecord(sha256, plan, approved ? State.APPROVED : State.REJECTED, receivedAt, by, now);
  }
}
