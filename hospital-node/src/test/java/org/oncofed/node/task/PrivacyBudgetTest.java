package org.oncofed.node.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.common.audit.LedgerEntry;
import org.oncofed.common.audit.LedgerEntryType;
import org.oncofed.common.audit.LedgerFile;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.node.ledger.NodeLedger;
import org.oncofed.node.link.FakeCoordinator;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.PrivacySpent;
import org.oncofed.proto.federation.v1.SitePlan;
import org.oncofed.proto.federation.v1.TaskDeclined;

/**
 * The site's privacy budget: the account spans node restarts (rebuilt from the ledger), a task whose
 * update would take it past max-epsilon is declined before anything is fetched or trained, naming
 * what is spent, what is left and what the task would cost, a task within it runs, and exact
 * evaluation counts are refused unless the policy allows them. Expected
 * epsilons: four releases at noise multiplier 2 compose to RDP α/2 (Mironov 2017), which the
 * conversion of Canonne, Kamath and Steinke 2020 turns into 4.7284 at δ = 1e-5; a fifth at 2 makes
 * 5.3777; one at 8 instead makes 4.7707 (see RdpAccountantTest for the formulas).
 */
class PrivacyBudgetTest {

  @Test
  void aTaskBeyondTheBudgetIsDeclinedBeforeTrainingAndOneWithinItRuns(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential site = pki.addSite("harbour");
    Path dataDir = dir.resolve("node");
    TestNodes.registerSmallDataset(dir, dataDir);
    Map<String, Object> policy = Map.of("oncofed.node.policy.pre-approve.researchers", "rita",
        "oncofed.node.policy.max-epsilon", 5.0, "oncofed.node.policy.delta", 1e-5);
    PrivacyConfig earlier = PrivacyConfig.newBuilder().setClipNorm(1.0).setNoiseMultiplier(2.0).build();
    try (FakeCoordinator coordinator = new FakeCoordinator(pki, 0)) {
      try (ApplicationContext node = TestNodes.start(pki, site, dataDir, coordinator.port(), policy)) {
        NodeLedger ledger = node.getBean(NodeLedger.class);
        for (int round = 1; round <= 4; round++) {
          ledger.recordUpdate("earlier-" + round, "e-0", round, Sha256.hex("update " + round), 4096, 100, earlier,
              PrivacySpent.getDefaultInstance());
        }
      }
      try (ApplicationContext node = TestNodes.start(pki, site, dataDir, coordinator.port(), policy)) {
        assertThat(coordinator.hellos.poll(20, TimeUnit.SECONDS)).isNotNull();
        assertThat(coordinator.hellos.poll(20, TimeUnit.SECONDS)).isNotNull();
        assertThat(status(node).path("privacy").path("epsilon").asText()).isEqualTo("4.7284");

        coordinator.send(PlanApprovalTest.train("t-1", plan(2.0)));
        assertThat(nextReport(coordinator).hasPlanDecision()).isTrue();
        TaskDeclined declined = nextReport(coordinator).getDeclined();
        assertThat(declined.getReason()).isEqualTo("privacy budget: this task would take the site's training data to "
            + "epsilon 5.3777 at delta 1.0E-5, over its max-epsilon 5.0 (spent 4.7284, left 0.2716)");
        assertThat(declined.getPrivacySpent().getEpsilon()).isCloseTo(4.7284, Offset.offset(1e-4));
        assertThat(declined.getTaskEpsilon()).isCloseTo(5.3777, Offset.offset(1e-4));
        assertThat(coordinator.fetches.poll(2, TimeUnit.SECONDS)).as("model fetched beyond the budget").isNull();

        coordinator.send(PlanApprovalTest.train("t-2", plan(0.0)));
        assertThat(nextReport(coordinator).hasPlanDecision()).isTrue();
        assertThat(nextReport(coordinator).getDeclined().getReason()).startsWith("privacy budget: this task would take "
            + "the site's training data to an unbounded epsilon (its update would carry no noise)");

        coordinator.send(PlanApprovalTest.train("t-3", plan(8.0)));
        assertThat(nextReport(coordinator).hasPlanDecision()).isTrue();
        assertThat(coordinator.fetches.poll(20, TimeUnit.SECONDS).getTaskId()).isEqualTo("t-3");
        assertThat(nextReport(coordinator).getFailed().getTaskId()).isEqualTo("t-3");

        coordinator.send(PlanApprovalTest.evaluate("t-4", plan(8.0)));
        assertThat(nextReport(coordinator).getDeclined().getReason()).isEqualTo("privacy budget: evaluation reports "
            + "are exact counts (an unbounded epsilon for the evaluated split) and this site sets max-epsilon 5.0 "
            + "without allow-exact-evaluation-counts");
      }
    }
    List<LedgerEntry> entries = LedgerFile.read(dataDir.resolve("ledger/ledger.jsonl"), "ledger", null).entries();
    LedgerEntry refusal = entries.stream().filter(entry -> entry.type() == LedgerEntryType.TASK_DECLINED).findFirst()
        .orElseThrow();
    assertThat(refusal.taskId()).isEqualTo("t-1");
    assertThat(((Number) refusal.details().get("taskEpsilon")).doubleValue()).isCloseTo(5.3777, Offset.offset(1e-4));
    Map<?, ?> spent = (Map<?, ?>) refusal.details().get("privacySpent");
    assertThat(((Number) spent.get("epsilon")).doubleValue()).isCloseTo(4.7284, Offset.offset(1e-4));
    assertThat(((Number) spent.get("maxEpsilon")).doubleValue()).isEqualTo(5.0);
  }

  private static SitePlan plan(double noiseMultiplier) {
    return PlanApprovalTest.plan("rita", noiseMultiplier).toBuilder()
        .setPrivacy(PrivacyConfig.newBuilder().setClipNorm(1.0).setNoiseMultiplier(noiseMultiplier))
        .build();
  }

  private static com.fasterxml.jackson.databind.JsonNode status(ApplicationContext node) throws Exception {
    int port = node.getBean(EmbeddedServer.class).getPort();
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status")).build(),
        HttpResponse.BodyHandlers.ofString());
    return CanonicalJson.parse(response.body());
  }

  private static NodeMessage nextReport(FakeCoordinator coordinator) throws InterruptedException {
    NodeMessage message = coordinator.reports.poll(20, TimeUnit.SECONDS);
    assertThat(message).as("a report from the node").isNotNull();
    return message;
  }
}
