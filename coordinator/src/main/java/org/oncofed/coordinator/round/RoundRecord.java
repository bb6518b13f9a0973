package org.oncofed.coordinator.round;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One round of an experiment: the global model it started from, the sites asked to train, and the
 * model it produced (or why it failed).
 *
 * @param selectedSites comma-separated site ids the round's training tasks went to
 * @param trainLoss mean training loss reported by the accepted updates, weighted by sample count
 * @param strategyState base64 of the aggregation strategy's state after this round (server optimiser
 *     moments, for example), committed with the round so that a restarted coordinator continues from it
 * @param validatedAt when the pooled validation of the round's model was recorded; null until then
 * @param validationScore the pooled validation metric, when it was defined
 */
@MappedEntity(value = "experiment_round", escape = false)
public record RoundRecord(
    @Id String id,
    String experimentId,
    int roundNo,
    RoundStatus status,
    Instant openedAt,
    Instant deadlineAt,
    @Nullable Instant closedAt,
    String baseModelSha256,
    @Nullable String newModelSha256,
    String selectedSites,
    @Nullable String failureReason,
    @Nullable Double trainLoss,
    @Nullable String strategyState,
    @Nullable Instant validatedAt,
    @Nullable Double validationScore) {}
