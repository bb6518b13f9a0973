package org.oncofed.coordinator.experiment;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.oncofed.common.metrics.EvaluationCounts;

/**
 * One site's evaluation of one model on one of its splits: a confusion matrix and score histograms
 * (canonical JSON of {@link org.oncofed.common.metrics.EvaluationCounts}), never per-example output.
 */
@MappedEntity(value = "evaluation", escape = false)
public record EvaluationRecord(
    @Id String taskId,
    String experimentId,
    int roundNo,
    String siteId,
    String dataSplit,
    String modelSha256,
    String countsJson,
    double loss,
    Instant receivedAt) {

  /** The stored confusion matrix and histograms. */
  public EvaluationCounts counts() {
    return EvaluationCountsJson.read(countsJson);
  }
}
