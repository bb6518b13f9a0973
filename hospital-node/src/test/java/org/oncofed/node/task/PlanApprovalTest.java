package org.oncofed.node.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.common.audit.LedgerEntry;
import org.oncofed.common.audit.LedgerEntryType;
import org.oncofed.common.audit.LedgerFile;
import org.oncofed.common.plan.SitePlans;
import org.oncofed.node.approval.ApprovalsCommand;
import org.oncofed.node.link.FakeCoordinator;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.EvaluateTask;
import org.oncofed.proto.federation.v1.ModelRef;
import org.oncofed.proto.federation.v1.ModelSpec;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.SitePlan;
import org.oncofed.proto.federation.v1.TrainTask;
import org.oncofed.proto.federation.v1.TrainingConfig;
import picocli.CommandLine;

/**
 * A node runs a task only for a plan its site approved, computing the plan's hash itself: a task of
 * an unapproved plan is declined before anything is fetched or trained, an operator's approval lets
 * the next task run, a changed plan waits for its own approval, and a pre-approval rule approves
 * only the plans it covers. Over mTLS to a coordinator on loopback.
 */
class PlanApprovalTest {

  private static final String FULL_HASH = "f".repeat(64);

  @Test
  void anUnapprovedPlanIsNeverTrainedAndAChangedPlanNeedsItsOwnApproval(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("harbour");
    Path dataDir = dir.resolve("node");
    TestNodes.registerSmallDataset(dir, dataDir);
    SitePlan plan = plan("rita", 1.0);
    String sha256 = SitePlans.sha256(plan);
    try (FakeCoordinator coordinator = new FakeCoordinator(pki, 0);
        ApplicationContext node = TestNodes.start(pki, site, dataDir, coordinator.port(), Map.of())) {
      assertThat(coordinator.hellos.poll(20, TimeUnit.SECONDS)).isNotNull();

      coordinator.send(train("t-1", plan));
      NodeMessage declined = nextReport(coordinator);
      assertThat(declined.getDeclined().getTaskId()).isEqualTo("t-1");
      assertThat(declined.getDeclined().getReason()).isEqualTo("awaiting site approval");
      assertThat(declined.getDeclined().getPlanSha256()).isEqualTo(sha256);
      assertThat(coordinator.fetches.poll(2, TimeUnit.SECONDS)).as("model fetched for an unapproved plan").isNull();
      assertThat(ledger(dataDir)).extracting(LedgerEntry::type).containsExactly(LedgerEntryType.TASK_DECLINED);

      assertThat(approvals("approve", sha256.substring(0, 12), "--data-dir", dataDir.toString())).isZero();
      NodeMessage decision = nextReport(coordinator);
      assertThat(decision.getPlanDecision().getPlanSha256()).isEqualTo(sha256);
      assertThat(decision.getPlanDecision().getApproved()).isTrue();
      assertThat(decision.getPlanDecision().getDecidedBy()).startsWith("operator ");

      coordinator.send(train("t-2", plan));
      assertThat(coordinator.fetches.poll(20, TimeUnit.SECONDS).getTaskId()).isEqualTo("t-2");
      assertThat(nextReport(coordinator).getFailed().getReason()).contains("no model");

      SitePlan changed = plan.toBuilder().setRounds(plan.getRounds() + 1).build();
      coordinator.send(train("t-3", changed));
      NodeMessage again = nextReport(coordinator);
      assertThat(again.getDeclined().getReason()).isEqualTo("awaiting site approval");
      assertThat(again.getDeclined().getPlanSha256()).isEqualTo(SitePlans.sha256(changed)).isNotEqualTo(sha256);
      assertThat(coordinator.fetches.poll(2, TimeUnit.SECONDS)).as("model fetched for a changed plan").isNull();

      TrainTask strayed = train("t-4", plan).getTrain().toBuilder()
          .setPrivacy(PrivacyConfig.newBuilder().setClipNorm(1.0)).build();
      coordinator.send(CoordinatorMessage.newBuilder().setTrain(strayed).build());
      assertThat(nextReport(coordinator).getDeclined().getReason())
          .isEqualTo("the task's privacy settings differ from its plan's");

      // An approved plan that names another coordinator is not run by this one.
      coordinator.send(train("t-5", plan.toBuilder().setCoordinator("elsewhere").build()));
      assertThat(nextReport(coordinator).getDeclined().getReason()).isEqualTo("the task's plan names coordinator "
          + "'elsewhere', but the certificate of the coordinator this node is connected to names 'coordinator'");
      assertThat(coordinator.fetches.poll(2, TimeUnit.SECONDS)).as("model fetched for another coordinator's plan").isNull();
    }
    assertThat(ledger(dataDir)).extracting(LedgerEntry::type).containsExactly(LedgerEntryType.TASK_DECLINED,
        LedgerEntryType.PLAN_DECIDED, LedgerEntryType.TASK_DECLINED, LedgerEntryType.TASK_DECLINED,
        LedgerEntryType.TASK_DECLINED);
    assertThat(approvals("reject", "0123", "--data-dir", dataDir.toString())).isEqualTo(2);
  }

  @Test
  void aPreApprovalRuleApprovesOnlyThePlansItCovers(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("harbour");
    Path dataDir = dir.resolve("node");
    TestNodes.registerSmallDataset(dir, dataDir);
    try (FakeCoordinator coordinator = new FakeCoordinator(pki, 0);
        ApplicationContext node = TestNodes.start(pki, site, dataDir, coordinator.port(),
            Map.of("oncofed.node.policy.pre-approve.researchers", "rita",
                "oncofed.node.policy.pre-approve.min-noise-multiplier", 0.5))) {
      assertThat(coordinator.hellos.poll(20, TimeUnit.SECONDS)).isNotNull();

      SitePlan covered = plan("rita", 1.0);
      coordinator.send(train("t-1", covered));
      NodeMessage decision = nextReport(coordinator);
      assertThat(decision.getPlanDecision().getPlanSha256()).isEqualTo(SitePlans.sha256(covered));
      assertThat(decision.getPlanDecision().getDecidedBy())
          .isEqualTo("pre-approval rule: researcher in [rita], noise multiplier at least 0.5");
      assertThat(coordinator.fetches.poll(20, TimeUnit.SECONDS).getTaskId()).isEqualTo("t-1");
      assertThat(nextReport(coordinator).hasFailed()).isTrue();

      coordinator.send(train("t-2", plan("rita", 0.1)));
      assertThat(nextReport(coordinator).getDeclined().getReason()).isEqualTo("awaiting site approval");
      coordinator.send(train("t-3", plan("bob", 1.0)));
      assertThat(nextReport(coordinator).getDeclined().getReason()).isEqualTo("awaiting site approval");
      assertThat(coordinator.fetches.poll(2, TimeUnit.SECONDS)).isNull();
    }
  }

  static SitePlan plan(String researcher, double noiseMultiplier) {
    return SitePlan.newBuilder()
        .setCoordinator("coordinator")
        .setExperimentId("e-1")
        .setExperimentName("lung nodules")
        .setResearcher(researcher)
        .setSpec(ModelSpec.newBuilder().setArchitecture("small-cnn").setInputSize(32).setChannels(1)
            .addClasses("normal").addClasses("benign").addClasses("malignant").setSeed(42))
        .setTraining(TrainingConfig.newBuilder().setEpochs(1).setBatchSize(8).setOptimizer("adam")
            .setLearningRate(0.01).setWindowCenter(40).setWindowWidth(400).setSeed(7)
            .setNormalisation("window").setResizePolicy("aspect"))
        .setPrivacy(PrivacyConfig.newBuilder().setClipNorm(2.0).setNoiseMultiplier(noiseMultiplier))
        .setStrategy("fedavg")
        .setRounds(3)
        .setLocalBaselines(true)
        .setShareBaselines(true)
        .addEvaluationSplits(DataSplit.DATA_SPLIT_VALIDATION)
        .addEvaluationSplits(DataSplit.DATA_SPLIT_TEST)
        .build();
  }

  static CoordinatorMessage train(String taskId, SitePlan plan) {
    return CoordinatorMessage.newBuilder().setTrain(TrainTask.newBuilder()
            .setTaskId(taskId)
            .setExperimentId(plan.getExperimentId())
            .setRound(1)
            .setSpec(plan.getSpec())
            .setBaseModel(ModelRef.newBuilder().setSha256(FULL_HASH).setSizeBytes(4).setParameterCount(1))
            .setTraining(plan.getTraining())
            .setPrivacy(plan.getPrivacy())
            .setPlan(plan)
            .setDeadlineMs(System.currentTimeMillis() + 60_000))
        .build();
  }

  static CoordinatorMessage evaluate(String taskId, SitePlan plan) {
    return CoordinatorMessage.newBuilder().setEvaluate(EvaluateTask.newBuilder()
            .setTaskId(taskId)
            .setExperimentId(plan.getExperimentId())
            .setSpec(plan.getSpec())
            .setModel(ModelRef.newBuilder().setSha256(FULL_HASH).setSizeBytes(4).setParameterCount(1))
            .setSplit(DataSplit.DATA_SPLIT_TEST)
            .setHistogramBins(10)
            .setPreprocessing(plan.getTraining())
            .setPlan(plan)
            .setDeadlineMs(System.currentTimeMillis() + 60_000))
        .build();
  }

  private static int approvals(String... args) {
    return new CommandLine(new ApprovalsCommand()).execute(args);
  }

  private static List<LedgerEntry> ledger(Path dataDir) throws Exception {
    return LedgerFile.read(dataDir.resolve("ledger/ledger.jsonl"), "ledger", null).entries();
  }

  private static NodeMessage nextReport(FakeCoordinator coordinator) throws InterruptedException {
    NodeMessage message = coordinator.reports.poll(20, TimeUnit.SECONDS);
    assertThat(message).as("a report from the node").isNotNull();
    return message;
  }
}
