package org.oncofed.node.approval;

import java.util.Optional;
import org.oncofed.common.plan.SitePlans;
import org.oncofed.proto.federation.v1.EvaluateTask;
import org.oncofed.proto.federation.v1.ModelKind;
import org.oncofed.proto.federation.v1.SitePlan;
import org.oncofed.proto.federation.v1.TrainTask;

/**
 * Whether a task does what its plan says: an approval covers the plan, so a task that strays from
 * it (another model, other training or privacy settings, a split or baseline the plan leaves out)
 * is declined however its plan was decided.
 */
final class PlanConformance {

  private PlanConformance() {}

  /** How a training task departs from its plan, or empty when it conforms. */
  static Optional<String> departure(TrainTask task) {
    Optional<String> unplanned = unplanned(task.hasPlan(), task.getPlan(), task.getExperimentId());
    if (unplanned.isPresent()) {
      return unplanned;
    }
    SitePlan plan = task.getPlan();
    if (task.getLocalBaseline() && !plan.getLocalBaselines()) {
      return Optional.of("the task asks for a local-only baseline, which its plan does not include");
    }
    if (!task.getLocalBaseline() && (task.getRound() < 1 || task.getRound() > plan.getRounds())) {
      return Optional.of("the task is for round " + task.getRound() + ", its plan has " + plan.getRounds());
    }
    if (!task.getSpec().equals(plan.getSpec())) {
      return Optional.of("the task's model differs from its plan's");
    }
    if (!task.getTraining().equals(task.getLocalBaseline() ? SitePlans.baselineTraining(plan) : plan.getTraining())) {
      return Optional.of("the task's training settings differ from its plan's");
    }
    if (!task.getPrivacy().equals(plan.getPrivacy())) {
      return Optional.of("the task's privacy settings differ from its plan's");
    }
    return Optional.empty();
  }

  /** How an evaluation task departs from its plan, or empty when it conforms. */
  static Optional<String> departure(EvaluateTask task) {
    Optional<String> unplanned = unplanned(task.hasPlan(), task.getPlan(), task.getExperimentId());
    if (unplanned.isPresent()) {
      return unplanned;
    }
    SitePlan plan = task.getPlan();
    if (!plan.getEvaluationSplitsList().contains(task.getSplit())) {
      return Optional.of("the task evaluates on " + task.getSplit() + ", which its plan does not include");
    }
    if (task.getModelKind() == ModelKind.MODEL_KIND_LOCAL_BASELINE && !plan.getShareBaselines()) {
      return Optional.of("the task evaluates another site's baseline, which its plan does not share");
    }
    if (!task.getSpec().equals(plan.getSpec())) {
      return Optional.of("the task's model differs from its plan's");
    }
    if (!task.getPreprocessing().equals(plan.getTraining())) {
      return Optional.of("the task's preprocessing differs from its plan's");
    }
    return Optional.empty();
  }

  /** A task without a plan, or with another experiment's. */
  private static Optional<String> unplanned(boolean hasPlan, SitePlan plan, String experimentId) {
    if (!hasPlan) {
      return Optional.of("the task carries no plan for the site to approve");
    }
    if (!plan.getExperimentId().equals(experimentId)) {
      return Optional.of("the task is for experiment " + experimentId + ", its plan for " + plan.getExperimentId());
    }
    return Optional.empty();
  }
}
