package org.oncofed.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a researcher asks for: the network, local training, aggregation strategy, the rounds and
 * who takes part. Omitted optional fields take the defaults of {@link #withDefaults()}; the stored
 * configuration (and its hash in the audit trail) always has every field filled in.
 *
 * <p>The constraints below are each setting's single-field rule, chosen so that every value they
 * admit is one every node can use. Rules that need the model catalogue, the aggregation strategies
 * or another field (architecture, input size, channels, strategy settings, metric, sites, noise
 * without clipping) are the coordinator's, checked once after these.
 *
 * @param name shown in lists and reports; no control characters (a database may refuse them)
 * @param rounds number of federated rounds
 * @param minNodes quorum: a round aggregates only with updates from at least this many sites
 * @param sampleFraction share of the eligible connected sites asked to train each round (at least minNodes)
 * @param roundDeadlineSeconds time a round waits for updates before it aggregates with the quorum or fails
 * @param earlyStopping stop when the pooled validation metric has not improved for {@code patience} rounds
 * @param localBaselines also train a local-only model per site with the same budget, for comparison
 * @param sites the only sites that may take part, each listed once (at most 1000); all connected sites when empty
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ExperimentConfig(
    @NotBlank @Size(max = 200) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
    String name,
    @NotNull @Valid ModelConfig model,
    @NotNull @Valid LocalTraining training,
    @Nullable @Valid StrategyConfig strategy,
    @NotNull @Min(1) @Max(1000) Integer rounds,
    @NotNull @Min(1) @Max(1000) Integer minNodes,
    @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double sampleFraction,
    @Nullable @Min(10) @Max(86_400) Integer roundDeadlineSeconds,
    @Nullable @Valid EarlyStopping earlyStopping,
    @Nullable @Valid Privacy privacy,
    @Nullable Boolean localBaselines,
    @Nullable @Size(max = 1000) List<String> sites) {

  /**
   * @param architecture catalogue entry: {@code small-cnn}, {@code resnet-10} or {@code resnet-10-cbam} (CPU hosts, 32-256 px), or {@code resnet-lite} (GPU hosts, 32-512 px)
   * @param inputSize square input in pixels, within the architecture's range
   * @param channels 1, or 3 to replicate the slice for 3-channel backbones
   * @param seed weight initialisation seed
   */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record ModelConfig(
      @NotBlank String architecture,
      @NotNull Integer inputSize,
      @Nullable Integer channels,
      @Nullable Long seed) {}

  /**
   * Local training per round at each site; see the hospital node's training configuration.
   *
   * @param windowWidth CT window width in HU; at least 1, as a DICOM window (and the node's) requires
   * @param normalisation after the window: {@code window}, {@code min-max}, {@code histogram-equalisation} or {@code z-score}
   * @param resizePolicy {@code aspect} (longer side to the input size) or {@code physical} (resampled to {@code pixelSpacingMm}, centre crop or pad)
   * @param pixelSpacingMm input pixel size in mm; required with the physical policy, refused with the aspect one
   * @param neighbourSlices 2.5D input: previous, this and next slice as the 3 channels (needs 3 channels)
   * @param oversample repeat examples of rarer classes each epoch; excludes classWeightedLoss
   * @param holdoutFraction share of each site's training patients kept out to pick a task's best epoch
   * @param patience epochs without a better hold-out loss before a task stops early; needs holdoutFraction
   */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record LocalTraining(
      @NotNull @Min(1) @Max(100) Integer epochs,
      @NotNull @Min(1) @Max(4096) Integer batchSize,
      @Nullable String optimizer,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") Double learningRate,
      @Nullable @DecimalMin("0") @DecimalMax("1") Double weightDecay,
      @Nullable Boolean classWeightedLoss,
      @Nullable Boolean augment,
      @Nullable Long seed,
      @Nullable @DecimalMin("-2000") @DecimalMax("4000") Double windowCenter,
      @Nullable @DecimalMin("1") @DecimalMax("10000") Double windowWidth,
      @Nullable String normalisation,
      @Nullable String resizePolicy,
      @Nullable @DecimalMin("0") @DecimalMax("10") Double pixelSpacingMm,
      @Nullable Boolean neighbourSlices,
      @Nullable Boolean oversample,
      @Nullable @DecimalMin("0") @DecimalMax("0.5") Double holdoutFraction,
      @Nullable @Min(0) @Max(100) Integer patience) {}

  /**
   * @param name an aggregate ({@code fedavg}, {@code median}, {@code trimmed-mean}, {@code krum}, {@code
   *     multi-krum}, {@code bulyan}), a server optimiser over FedAvg ({@code fedadam}, {@code fedyogi},
   *     {@code fedadagrad}), or an optimiser over an aggregate joined by {@code +}, such as {@code fedadam+krum}
   * @param settings numeric settings of the strategy, validated by the coordinator against the named strategy
   */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record StrategyConfig(@NotBlank String name, @Nullable Map<String, Double> settings) {}

  /** @param metric pooled validation metric: {@code accuracy}, {@code macro_f1} or {@code macro_auc} */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record EarlyStopping(
      @NotBlank String metric, @NotNull @Min(1) @Max(1000) Integer patience, @Nullable @DecimalMin("0") Double minDelta) {}

  /**
   * Filters every node applies to its update before it leaves the site.
   *
   * @param clipNorm L2 bound on the update (new minus base weights); 0 disables clipping
   * @param noiseMultiplier Gaussian noise standard deviation as a multiple of clipNorm; 0 disables noise
   */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Privacy(
      @Nullable @DecimalMin("0") Double clipNorm,
      @Nullable @DecimalMin("0") @DecimalMax("100") Double noiseMultiplier) {}

  /** This configuration with every optional field filled in. */
  public ExperimentConfig withDefaults() {
    ModelConfig m = new ModelConfig(model.architecture(), model.inputSize(),
        or(model.channels(), 1), or(model.seed(), 42L));
    LocalTraining t = new LocalTraining(training.epochs(), training.batchSize(), or(training.optimizer(), "adam"),
        training.learningRate(), or(training.weightDecay(), 0.0), or(training.classWeightedLoss(), true),
        or(training.augment(), true), or(training.seed(), 7L), or(training.windowCenter(), 40.0),
        or(training.windowWidth(), 400.0), or(training.normalisation(), "window"), or(training.resizePolicy(), "aspect"),
        or(training.pixelSpacingMm(), 0.0), or(training.neighbourSlices(), false), or(training.oversample(), false),
        or(training.holdoutFraction(), 0.0), or(training.patience(), 0));
    StrategyConfig s = strategy == null
        ? new StrategyConfig("fedavg", Map.of())
        : new StrategyConfig(strategy.name(), or(strategy.settings(), Map.of()));
    EarlyStopping e = earlyStopping == null
        ? null
        : new EarlyStopping(earlyStopping.metric(), earlyStopping.patience(), or(earlyStopping.minDelta(), 0.0));
    Privacy p = privacy == null
        ? new Privacy(0.0, 0.0)
        : new Privacy(or(privacy.clipNorm(), 0.0), or(privacy.noiseMultiplier(), 0.0));
    return new ExperimentConfig(name, m, t, s, rounds, minNodes, or(sampleFraction, 1.0),
        or(roundDeadlineSeconds, 600), e, p, or(localBaselines, true), sites == null ? List.of() : List.copyOf(sites));
  }

  private static <T> T or(@Nullable T value, T fallback) {
    return Objects.requireNonNullElse(value, fallback);
  }
}
