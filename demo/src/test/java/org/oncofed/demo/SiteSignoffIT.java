package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.FinalResults;
import org.oncofed.api.RoundView;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.hash.CanonicalJson;

/**
 * Sites decide what runs and what leaves, in a whole federation of processes over mTLS:
 * lakeside has no pre-approval rule, so it declines the plan's tasks ("awaiting site approval",
 * shown per site in the experiment's status) until its operator approves with {@code node
 * approvals approve}, and a later round includes it; northshore's policy keeps its local-only
 * baseline, so the coordinator receives only that baseline's counts on northshore's own test
 * split, never its bytes; every site reports a finite epsilon for a noised experiment, and the
 * audit trail still verifies against the sites' ledgers.
 */
class SiteSignoffIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(8);

  @Test
  @Timeout(900)
  void anUnapprovedSiteWaitsUntilApprovedAndAKeptBaselineNeverLeavesItsSite(@TempDir Path work) throws Exception {
    try (LocalFederation federation = LocalFederation.create(OncofedHome.locate(), work.resolve("federation"))) {
      for (SyntheticHospitals.Hospital hospital : SyntheticHospitals.threeSites(0.1)) {
        SyntheticHospitals.prepare(hospital, federation.work().resolve("archives"), federation.nodeDataDir(hospital.site()));
      }
      federation.startCoordinator(TIMEOUT);
      List<String> preApproval = List.of("pre-approve:", "  researchers: " + LocalFederation.RESEARCHER);
      federation.startNode("lakeside", List.of("max-epsilon: 100", "allow-exact-evaluation-counts: true"));
      federation.startNode("northshore", concat(preApproval, "share-baseline: false"));
      federation.startNode("riverside", preApproval);
      federation.awaitConnected(Set.copyOf(DemoCommand.SITES), TIMEOUT, connected -> {});
      CoordinatorApiClient api = federation.api();
      ExperimentView experiment = api.createExperiment(new ExperimentConfig("site sign-off",
          new ExperimentConfig.ModelConfig("small-cnn", 32, 1, 1L),
          new ExperimentConfig.LocalTraining(1, 8, "adam", 0.001, 0.0, true, false, 1L, 40.0, 400.0,
              null, null, null, null, null, null, null),
          null, 3, 2, 1.0, 300, null, new ExperimentConfig.Privacy(5.0, 2.0), true, DemoCommand.SITES));
      api.startExperiment(experiment.id());

      ExperimentView.SiteView waiting = awaitApproval(api, experiment.id(), "lakeside", "awaiting site approval");
      assertThat(federation.runNodeCommand("lakeside", List.of("approvals", "approve", waiting.planSha256()),
          Duration.ofMinutes(1))).isZero();
      ExperimentView finished = new ExperimentWatcher(api, new Console(System.out))
          .watch(experiment.id(), TIMEOUT, () -> {});

      assertThat(finished.status()).isEqualTo("COMPLETED");
      RoundView.ParticipantView first = participant(finished.roundDetails().get(0), "lakeside");
      assertThat(first.status()).isEqualTo("declined");
      assertThat(first.reason()).isEqualTo("awaiting site approval");
      assertThat(finished.roundDetails()).anySatisfy(round ->
          assertThat(participant(round, "lakeside").status()).isEqualTo("completed"));
      Map<String, ExperimentView.SiteView> sites = finished.sites().stream()
          .collect(Collectors.toMap(ExperimentView.SiteView::site, site -> site));
      assertThat(sites.keySet()).containsExactlyInAnyOrderElementsOf(DemoCommand.SITES);
      sites.values().forEach(site -> {
        assertThat(site.approval()).isEqualTo("approved");
        assertThat(site.planSha256()).isEqualTo(waiting.planSha256());
        assertThat(Double.parseDouble(site.epsilon())).isPositive().isLessThan(100);
      });
      assertThat(sites.get("lakeside").maxEpsilon()).isEqualTo(100.0);

      FinalResults.ModelResult kept = finished.results().baselines().stream()
          .filter(baseline -> baseline.trainedAt().equals("northshore")).findFirst().orElseThrow();
      assertThat(kept.testBySite().keySet()).containsExactly("northshore");
      FinalResults.ModelResult shared = finished.results().baselines().stream()
          .filter(baseline -> baseline.trainedAt().equals("riverside")).findFirst().orElseThrow();
      assertThat(shared.testBySite().keySet()).containsExactlyInAnyOrderElementsOf(DemoCommand.SITES);

      Path export = federation.work().resolve("audit.jsonl");
      AuditVerdict verdict = federation.exportAndVerifyAudit(export);
      assertThat(verdict.valid()).as(verdict.summary()).isTrue();
      List<JsonNode> events = Files.readAllLines(export).stream().map(CanonicalJson::parse)
          .filter(line -> line.path("kind").asText().equals("event")).map(line -> line.path("event")).toList();
      assertThat(events).as("a baseline upload from northshore").noneMatch(event ->
          event.path("type").asText().startsWith("UPDATE_") && event.path("siteId").asText().equals("northshore")
              && event.path("details").path("kind").asText().equals("BASELINE"));
      assertThat(events).as("northshore's kept baseline's counts").anyMatch(event ->
          event.path("type").asText().equals("EVALUATION_RECEIVED") && event.path("siteId").asText().equals("northshore")
              && event.path("details").path("kind").asText().equals("BASELINE_KEPT_ON_SITE")
              && event.path("details").path("modelSha256").asText().equals(kept.model()));
      assertThat(events).as("lakeside's decision").anyMatch(event ->
          event.path("type").asText().equals("PLAN_DECIDED") && event.path("siteId").asText().equals("lakeside")
              && event.path("details").path("planSha256").asText().equals(waiting.planSha256())
              && event.path("details").path("decidedBy").asText().startsWith("operator "));
    }
  }

  private static ExperimentView.SiteView awaitApproval(CoordinatorApiClient api, String id, String site, String state)
      throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ExperimentView.SiteView view : api.experiment(id).sites()) {
        if (view.site().equals(site) && state.equals(view.approval())) {
          return view;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(site + " never showed '" + state + "'");
  }

  private static RoundView.ParticipantView participant(RoundView round, String site) {
    return round.participants().stream().filter(p -> p.site().equals(site)).findFirst()
        .orElseThrow(() -> new AssertionError("round " + round.round() + " has no task for " + site));
  }

  private static List<String> concat(List<String> lines, String line) {
    return java.util.stream.Stream.concat(lines.stream(), java.util.stream.Stream.of(line)).toList();
  }
}
