package org.oncofed.node.approval;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.oncofed.common.plan.SitePlans;
import org.oncofed.node.ledger.NodeLedger;
import org.oncofed.node.link.CoordinatorLink;
import org.oncofed.proto.federation.v1.EvaluateTask;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.PlanDecision;
import org.oncofed.proto.federation.v1.SitePlan;
import org.oncofed.proto.federation.v1.TrainTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the site has approved a plan. A plan seen for the first time is kept as pending, or
 * approved at once when the site's pre-approval rule covers it. Decisions (the rule's here, an
 * operator's from {@code node approvals}, picked up every few seconds) go into the ledger once per
 * change and are reported to the coordinator for its trail; a report the link could not deliver is
 * sent again once connected.
 */
@Singleton
public class PlanApprovals {

  private static final Logger LOG = LoggerFactory.getLogger(PlanApprovals.class);
  private static final long POLL_MILLIS = 2_000;

  private final boolean required;
  private final ApprovalStore store;
  private final PreApprovalRule rule;
  private final NodeLedger ledger;
  private final CoordinatorLink link;
  private final Clock clock;
  private final Map<String, PlanDecision> unsent = new LinkedHashMap<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "plan-approvals");
    thread.setDaemon(true);
    return thread;
  });

  @Inject
  PlanApprovals(@Value("${oncofed.node.policy.approval-required:true}") boolean required,
      @Value("${oncofed.node.data-dir}") Path dataDir, PreApprovalRule rule, NodeLedger ledger, CoordinatorLink link,
      Clock clock) {
    this.required = required;
    this.store = new ApprovalStore(dataDir);
    this.rule = rule;
    this.ledger = ledger;
    this.link = link;
    this.clock = clock;
    if (required) {
      rule.describe().ifPresent(text -> LOG.info("Plans are approved by the site; {}", text));
      poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      LOG.warn("oncofed.node.policy.approval-required is false: this node runs any plan within its policy");
    }
  }

  /**
   * Why this training task may not run now: it departs from its plan ({@link PlanConformance}), or
   * its plan is not approved ({@link SitePlans#AWAITING_APPROVAL}, {@link SitePlans#REJECTED});
   * empty when it may, or when approval is not required.
   */
  public Optional<String> refusal(TrainTask task) {
    return required ? PlanConformance.departure(task).or(() -> foreignCoordinator(task.getPlan()))
        .or(() -> decision(task.getPlan())) : Optional.empty();
  }

  /** As {@link #refusal(TrainTask)}, for an evaluation task. */
  public Optional<String> refusal(EvaluateTask task) {
    return required ? PlanConformance.departure(task).or(() -> foreignCoordinator(task.getPlan()))
        .or(() -> decision(task.getPlan())) : Optional.empty();
  }

  /**
   * A plan names the coordinator it is approved for: it must be the one whose certificate this
   * node verified on the connection the task came over, whatever the plan itself claims.
   */
  private Optional<String> foreignCoordinator(SitePlan plan) {
    Optional<String> verified = link.coordinatorName();
    if (verified.isEmpty()) {
      return Optional.of("the coordinator's certificate is not known on this connection yet");
    }
    return verified.get().equals(plan.getCoordinator()) ? Optional.empty()
        : Optional.of("the task's plan names coordinator '" + plan.getCoordinator() + "', but the certificate of the "
            + "coordinator this node is connected to names '" + verified.get() + "'");
  }

  private synchronized Optional<String> decision(SitePlan plan) {
    String sha256 = SitePlans.sha256(plan);
    PlanRecord record = store.find(sha256).orElseGet(() -> firstSight(plan));
    report(record);
    return switch (record.state()) {
      case APPROVED -> Optional.empty();
      case PENDING -> Optional.of(SitePlans.AWAITING_APPROVAL);
      case REJECTED -> Optional.of(SitePlans.REJECTED);
    };
  }

  private PlanRecord firstSight(SitePlan plan) {
    PlanRecord record = PlanRecord.pending(plan, clock.instant());
    if (rule.approves(plan)) {
      record = record.decided(true, rule.describe().orElseThrow(), clock.instant());
      LOG.info("Plan {} of experiment {} approved by the site's {}", abbreviate(record.sha256()),
          plan.getExperimentId(), record.decidedBy());
    } else {
      LOG.warn("Plan {} of experiment {} by {} awaits the site's approval: ./oncofed node approvals show {}",
          abbreviate(record.sha256()), plan.getExperimentId(), plan.getResearcher(), record.sha256());
    }
    store.save(record);
    return record;
  }

  /** Enters a decision not yet in the ledger there, and tells the coordinator. */
  private void report(PlanRecord record) {
    if (record.state() == PlanRecord.State.PENDING) {
      return;
    }
    boolean approved = record.state() == PlanRecord.State.APPROVED;
    String experimentId = record.plan().getExperimentId();
    if (ledger.recordPlanDecision(experimentId, record.sha256(), approved, record.decidedBy())) {
      unsent.put(record.sha256(), PlanDecision.newBuilder()
          .setExperimentId(experimentId)
          .setPlanSha256(record.sha256())
          .setApproved(approved)
          .setDecidedBy(record.decidedBy())
          .build());
    }
    sendUnsent();
  }

  private void sendUnsent() {
    unsent.values().removeIf(decision -> link.send(NodeMessage.newBuilder().setPlanDecision(decision).build()));
  }

  private synchronized void poll() {
    try {
      store.all().forEach(this::report);
      sendUnsent();
    } catch (RuntimeException e) {
      LOG.warn("Cannot read the site's plan decisions: {}", e.getMessage());
    }
  }

  private static String abbreviate(String sha256) {
    return sha256.substring(0, 12);
  }

  @PreDestroy
  void stop() {
    poller.shutdownNow();
  }
}
