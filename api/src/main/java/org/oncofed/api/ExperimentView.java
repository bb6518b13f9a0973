package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * An experiment's status: configuration, progress, every round with its metrics, tasks now out at
 * sites with their latest progress, the final comparison once it exists, and each site's approval
 * of the plan and privacy spent.
 */
@Serdeable
public record ExperimentView(
    String id,
    String name,
    String createdBy,
    Instant createdAt,
    String status,
    @Nullable String statusReason,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    int currentRound,
    int rounds,
    String configSha256,
    ExperimentConfig config,
    String initialModel,
    @Nullable String currentModel,
    @Nullable String bestModel,
    @Nullable Integer bestRound,
    @Nullable Double bestScore,
    List<RoundView> roundDetails,
    List<TaskView> openTasks,
    @Nullable FinalResults results,
    List<SiteView> sites) {

  /**
   * What a site said about the experiment: its approval of the plan and its privacy account.
   *
   * @param approval {@code approved}, {@code awaiting site approval} or {@code rejected}; null before the site answered
   * @param planSha256 the plan as the site computed it, when it named one
   * @param epsilon privacy spent on the site's training data at {@code delta}; null before the site
   *     reported it; {@code "infinite"} after a release without noise
   * @param maxEpsilon the site's limit, 0 when it sets none
   */
  @Serdeable
  public record SiteView(
      String site,
      @Nullable String approval,
      @Nullable String planSha256,
      @Nullable String epsilon,
      double delta,
      double maxEpsilon) {}

  /**
   * A task out at a site, with the last progress the site reported.
   *
   * @param round 0 for the final phase (local baselines, test evaluation)
   */
  @Serdeable
  public record TaskView(
      String taskId,
      String site,
      String kind,
      int round,
      @Nullable Integer epoch,
      @Nullable Integer totalEpochs,
      @Nullable Double loss,
      @Nullable Double fractionDone) {}

  /** One line of the experiment list. */
  @Serdeable
  public record Summary(String id, String name, String createdBy, Instant createdAt, String status,
      int currentRound, int rounds, @Nullable Double bestScore) {}
}
