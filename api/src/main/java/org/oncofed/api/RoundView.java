package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One round as researchers see it: who was asked, what each site answered, the model that came out
 * and how it did on the sites' validation splits, pooled and per site.
 */
@Serdeable
public record RoundView(
    int round,
    String status,
    Instant openedAt,
    @Nullable Instant closedAt,
    List<String> selectedSites,
    String baseModel,
    @Nullable String newModel,
    @Nullable String failureReason,
    @Nullable Double trainLoss,
    List<ParticipantView> participants,
    @Nullable MetricsView validation,
    Map<String, MetricsView> validationBySite) {

  /**
   * One site's training task in the round.
   *
   * @param status completed, declined, failed, rejected, expired, cancelled or assigned
   * @param reason why it did not complete, in the site's or the coordinator's words
   */
  @Serdeable
  public record ParticipantView(
      String site,
      String status,
      @Nullable String reason,
      @Nullable Long sampleCount,
      @Nullable String updateSha256,
      @Nullable Double trainLoss) {}
}
