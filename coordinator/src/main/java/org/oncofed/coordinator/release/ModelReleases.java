package org.oncofed.coordinator.release;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.oncofed.api.ExperimentStatus;
import org.oncofed.api.ModelCard;
import org.oncofed.api.ReleaseRequest;
import org.oncofed.api.RoundView;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.SignedDocument;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.experiment.ExperimentRecord;
import org.oncofed.coordinator.experiment.ExperimentService;
import org.oncofed.coordinator.experiment.InvalidRequestException;
import org.oncofed.coordinator.report.ExperimentReports;

/**
 * The model registry: releasing a global model of a completed experiment with a model card the
 * coordinator signs, and listing what was released. A release and its {@code MODEL_RELEASED} event
 * commit together; a model is released at most once.
 */
@Singleton
public class ModelReleases {

  private final ExperimentService experiments;
  private final ExperimentReports reports;
  private final ReleaseRepository releases;
  private final ModelCards cards;
  private final AuditTrail audit;
  private final ProjectPki pki;
  private final Clock clock;

  ModelReleases(ExperimentService experiments, ExperimentReports reports, ReleaseRepository releases,
      ModelCards cards, AuditTrail audit, ProjectPki pki, Clock clock) {
    this.experiments = experiments;
    this.reports = reports;
    this.releases = releases;
    this.cards = cards;
    this.audit = audit;
    this.pki = pki;
    this.clock = clock;
  }

  /**
   * Releases the requested global model of a completed experiment (its result model by default).
   *
   * @throws InvalidRequestException naming the field when the experiment is not completed, the
   *     model is not one of its global models, or it was released already
   */
  public ReleaseRecord release(String experimentId, ReleaseRequest request, String releasedBy) {
    ExperimentRecord experiment = experiments.require(experimentId);
    if (experiment.status() != ExperimentStatus.COMPLETED) {
      throw new InvalidRequestException("experiment", "only a completed experiment's models can be released; "
          + "experiment " + experimentId + " is " + experiment.status());
    }
    String sha256 = request.model() != null ? request.model() : reports.resultModel(experiment);
    List<RoundView> rounds = reports.rounds(experiment);
    RoundView produced = rounds.stream().filter(round -> sha256.equals(round.newModel())).findFirst()
        .orElseThrow(() -> new InvalidRequestException("model", "model " + sha256
            + " is not a global model of experiment " + experimentId + " (no round produced it)"));
    releases.findByExperimentIdAndModelSha256(experimentId, sha256).ifPresent(existing -> {
      throw new InvalidRequestException("model", "model " + sha256 + " was already released as '"
          + existing.name() + "' (" + existing.id() + ")");
    });
    String id = UUID.randomUUID().toString();
    ModelCard card = cards.card(id, request.name(), experiment, rounds, produced, releasedBy, clock.instant());
    SignedDocument signed = SignedDocument.sign(CanonicalJson.encode(card), pki.identity());
    ReleaseRecord record = new ReleaseRecord(id, request.name(), experimentId, sha256, releasedBy, card.releasedAt(),
        signed.payload(), Base64.getEncoder().encodeToString(signed.signature()), signed.certificatePem());
    return audit.atomically(events -> {
      ReleaseRecord saved = releases.save(record);
      events.record(AuditEventType.MODEL_RELEASED, releasedBy, experimentId, null, null, Map.of(
          "releaseId", id, "name", request.name(), "modelSha256", sha256, "cardSha256", Sha256.hex(signed.payload().getBytes(StandardCharsets.UTF_8))));
      return saved;
    });
  }

  public List<ReleaseRecord> list() {
    return releases.findAllOrderByReleasedAt();
  }

  /** @throws ReleaseNotFoundException when there is no such release */
  public ReleaseRecord require(String id) {
    return releases.findById(id).orElseThrow(() -> new ReleaseNotFoundException(id));
  }
}
