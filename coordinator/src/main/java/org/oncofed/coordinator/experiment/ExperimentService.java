package org.oncofed.coordinator.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentStatus;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.GlobalModelProvenance;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.NetworkParameters;
import org.oncofed.common.model.PretrainedWeights;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.model.ModelKind;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.model.ModelRepository;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What researchers do with experiments: create one (its initial model is built at once from the
 * catalogue spec and seed), optionally replace that model with pretrained weights, start, cancel.
 */
@Singleton
public class ExperimentService {

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentService.class);

  private final ExperimentRepository experiments;
  private final ExperimentConfigValidator validator;
  private final ModelStore models;
  private final ModelRepository modelRecords;
  private final ExperimentThreads threads;
  private final AuditTrail audit;
  private final Clock clock;
  private final ModelCatalogue catalogue = ModelCatalogue.standard();
  private final Object creating = new Object();

  ExperimentService(ExperimentRepository experiments, ExperimentConfigValidator validator, ModelStore models,
      ModelRepository modelRecords, ExperimentThreads threads, AuditTrail audit, Clock clock) {
    this.experiments = experiments;
    this.validator = validator;
    this.models = models;
    this.modelRecords = modelRecords;
    this.threads = threads;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates an experiment in two steps: everything is checked and computed first (configuration,
   * initial weights, audit details), then the initial model, the experiment and its
   * {@code EXPERIMENT_CREATED} event are written in one transaction. A request that fails leaves
   * no row and no event; the model file, written before the rows that name it so that no row ever
   * names a missing file, is removed again if this creation wrote it and nothing refers to it.
   */
  public ExperimentRecord create(ExperimentConfig request, String createdBy) {
    ExperimentConfig config = validator.validate(request);
    String id = UUID.randomUUID().toString();
    ExperimentPlan plan = ExperimentPlan.of(id, config);
    EncodedParameters initial = EncodedParameters.encode(NetworkParameters.read(catalogue.initialise(plan.spec())));
    ExperimentRecord experiment = new ExperimentRecord(id, config.name(), createdBy, clock.instant(),
        CanonicalJson.encode(config), CanonicalJson.sha256(config), ExperimentStatus.CREATED, null, null, null, 0,
        initial.sha256(), null, null, null);
    Map<String, Object> details = Map.of("configurationSha256", experiment.configSha256(),
        "configuration", recordable(config), "initialModelSha256", initial.sha256());
    // One creation at a time, so that a failed one never removes a file another is about to name.
    synchronized (creating) {
      boolean fileExisted = Files.exists(models.file(initial.sha256()));
      try {
        return audit.atomically(events -> {
          storeInitial(plan, initial, null);
          ExperimentRecord saved = experiments.save(experiment);
          events.record(AuditEventType.EXPERIMENT_CREATED, createdBy, id, null, null, details);
          return saved;
        });
      } catch (RuntimeException e) {
        if (!fileExisted) {
          removeUnreferenced(initial.sha256(), e);
        }
        throw e;
      }
    }
  }

  /**
   * Replaces the initial model of a created experiment with weights read from {@code file}, a stream
   * copied to a temporary file as it arrives: a model's weights are never held in memory whole.
   */
  public ExperimentRecord usePretrained(String id, InputStream file, String actor) {
    ExperimentRecord experiment = require(id);
    if (experiment.status() != ExperimentStatus.CREATED) {
      throw new InvalidRequestException("status", "pretrained weights can only be set before the experiment starts; it is "
          + experiment.status());
    }
    ExperimentPlan plan = ExperimentPlan.of(id, experiment.configJson());
    PretrainedWeights weights;
    Path temporary = null;
    try {
      temporary = Files.createTempFile("oncofed-pretrained", ".bin");
      Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
      weights = PretrainedWeights.load(temporary, plan.spec(), catalogue);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("weights", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded weights", e);
    } finally {
      deleteQuietly(temporary);
    }
    ModelRecord initial = storeInitial(plan, EncodedParameters.encode(weights.parameters()), weights.fileSha256());
    experiments.setInitialModel(id, initial.sha256());
    audit.record(AuditEventType.EXPERIMENT_CREATED, actor, id, null, null, Map.of(
        "configurationSha256", experiment.configSha256(), "initialModelSha256", initial.sha256(),
        "pretrainedWeightsSha256", weights.fileSha256()));
    return require(id);
  }

  /** Starts a created experiment. */
  public ExperimentRecord start(String id, String actor) {
    ExperimentRecord experiment = require(id);
    if (experiments.markStarted(id, clock.instant()) == 0) {
      throw new InvalidRequestException("status", "only a CREATED experiment can be started; it is " + experiment.status());
    }
    ExperimentRecord started = require(id);
    audit.record(AuditEventType.EXPERIMENT_STARTED, actor, id, null, null,
        Map.of("configurationSha256", started.configSha256(), "initialModelSha256", started.initialModelSha256()));
    threads.start(started);
    return started;
  }

  /** Cancels a created or running experiment. */
  public ExperimentRecord cancel(String id, String actor) {
    ExperimentRecord experiment = require(id);
    if (experiment.status().isFinal()) {
      throw new InvalidRequestException("status", "the experiment has already ended: " + experiment.status());
    }
    audit.record(AuditEventType.EXPERIMENT_CANCELLED, actor, id, null, null, Map.of("reason", "cancelled by " + actor));
    if (!threads.cancel(id)) {
      experiments.finish(id, ExperimentStatus.CANCELLED, "cancelled before it ran", clock.instant());
    }
    return require(id);
  }

  public List<ExperimentRecord> list() {
    return experiments.findAllOrderByCreatedAtDesc();
  }

  public ExperimentRecord require(String id) {
    return experiments.findById(id).orElseThrow(() -> new ExperimentNotFoundException(id));
  }

  private ModelRecord storeInitial(ExperimentPlan plan, EncodedParameters encoded, String weightsSha256) {
    GlobalModelProvenance provenance = GlobalModelProvenance.initial(plan.experimentId(), plan.spec(), weightsSha256,
        encoded.sha256(), RuntimeEnvironment.capture(), clock.millis());
    return models.put(plan.experimentId(), 0, ModelKind.INITIAL, null, encoded, provenance);
  }

  /** Deletes a model file that a failed creation wrote, unless a stored model refers to it. */
  private void removeUnreferenced(String sha256, RuntimeException failure) {
    try {
      if (modelRecords.findFirstBySha256(sha256).isEmpty()) {
        Files.deleteIfExists(models.file(sha256));
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not remove model file {} left by a failed creation: {}", sha256, e.toString());
      failure.addSuppressed(e);
    }
  }

  /** The configuration as audit details: a map, with the optional settings left unset left out. */
  private static Map<?, ?> recordable(ExperimentConfig config) {
    return CanonicalJson.mapper().copy()
        .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
        .convertValue(config, Map.class);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
    }
  }
}
