package org.oncofed.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a released model is and how it came to be, as the coordinator signs it: the network and its
 * input, the classes, the sites that trained it (dataset fingerprints and class counts, never a
 * patient), how the federation ran, how the model did, and every global model back to the initial
 * weights. Only aggregate figures appear in it.
 *
 * @param round the round whose aggregation produced the model
 * @param sites every site whose updates went into the model or one of its ancestors
 * @param test pooled test metrics, when the model is the one the experiment tested
 * @param testBySite each site's test metrics, likewise
 * @param validation pooled validation metrics of the model's round
 * @param lineage the model's ancestors and itself, from the initial model on
 */
@Serdeable
public record ModelCard(
    String format,
    String releaseId,
    String name,
    String experimentId,
    String experimentName,
    String researcher,
    String modelSha256,
    int round,
    String architecture,
    int inputSize,
    int channels,
    List<String> classes,
    String strategy,
    Map<String, Double> strategySettings,
    double clipNorm,
    double noiseMultiplier,
    List<TrainingSite> sites,
    @Nullable MetricsView test,
    Map<String, MetricsView> testBySite,
    @Nullable MetricsView validation,
    List<LineageStep> lineage,
    String releasedBy,
    Instant releasedAt) {

  public static final String FORMAT = "oncofed-model-card/1";

  /**
   * @param datasetFingerprint the site's dataset fingerprint in its last update (hashed UIDs and counts)
   * @param trainingClassCounts training slices per class in that update
   * @param rounds rounds whose aggregation took one of the site's updates
   */
  @Serdeable
  public record TrainingSite(String site, String datasetFingerprint, List<Long> trainingClassCounts, int rounds) {}

  /**
   * @param round 0 for the initial model
   * @param sites the sites whose updates the round folded in; empty for the initial model
   */
  @Serdeable
  public record LineageStep(int round, String modelSha256, List<String> sites) {}
}
