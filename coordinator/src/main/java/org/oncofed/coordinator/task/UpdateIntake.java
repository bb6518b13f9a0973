package org.oncofed.coordinator.task;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.PrivacySpentDetails;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.model.ParameterAssembler;
import org.oncofed.common.model.ParameterEncoding;
import org.oncofed.common.model.UpdateProvenance;
import org.oncofed.coordinator.aggregation.ModelUpdate;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.model.ModelKind;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.UpdateHeader;

/**
 * The one way in for an update a site uploads for its task. Each check runs here, once, in this
 * order, and a rejection names it ({@link UpdateCheck}):
 *
 * <ol>
 *   <li>from the header, before any data is read: {@code BINDING} (the task is open, was sent to
 *       this site and takes an update), {@code BASE_MODEL}, {@code SHAPE} (encoding, parameter
 *       count and size), {@code SAMPLE_COUNT}, and a provenance hash ({@code PROVENANCE});
 *   <li>while the data arrives and when it ends: {@code TRANSFER} (no more bytes than announced,
 *       complete, and hashing to what the trailer says; see {@link IncomingUpdate});
 *   <li>on the complete update: {@code PROVENANCE} (the record), then the values against the base
 *       model, from the task's owner: {@code SHAPE}, {@code SAMPLE_COUNT}, {@code FINITE},
 *       {@code NORM} (see {@link UpdateValidator});
 *   <li>under the owner's monitor: the task still open, {@code REPLAY}; then the update's file is
 *       written durably, its model row, the task's completion and {@code UPDATE_ACCEPTED} are
 *       committed in one transaction, and only then is the update handed to the owner (counted
 *       into the round, or kept as a baseline) and acknowledged to the node.
 * </ol>
 *
 * A rejection finishes the task as REJECTED and is recorded in the trail with its check; nothing
 * of the update is kept. A site acting on a task that is not its open task is refused without
 * touching the task ({@link TaskRefusedException}).
 */
@Singleton
public class UpdateIntake {

  private final TaskBook book;
  private final TaskRepository tasks;
  private final ModelStore models;
  private final ConnectedNodes nodes;
  private final AuditTrail audit;

  UpdateIntake(TaskBook book, TaskRepository tasks, ModelStore models, ConnectedNodes nodes, AuditTrail audit) {
    this.book = book;
    this.tasks = tasks;
    this.models = models;
    this.nodes = nodes;
    this.audit = audit;
  }

  /**
   * Checks an upload's header before its data is read.
   *
   * @return the upload, to feed its data into
   * @throws TaskRefusedException when the task is not an open task of this site
   * @throws UpdateRejectedException when the header does not fit the task (the task is then rejected)
   */
  public IncomingUpdate open(SiteId site, UpdateHeader header) {
    TaskBook.OpenTask open = book.require(header.getTaskId(), site);
    TaskRecord task = open.task();
    try {
      if (task.kind() != TaskKind.TRAIN && task.kind() != TaskKind.BASELINE) {
        throw rejected(site, UpdateCheck.BINDING, "task " + task.taskId() + " is an evaluation task and takes no update");
      }
      if (!task.modelSha256().equals(header.getBaseModelSha256())) {
        throw rejected(site, UpdateCheck.BASE_MODEL, "update was trained from model " + header.getBaseModelSha256()
            + " but task " + task.taskId() + " sent model " + task.modelSha256());
      }
      ParameterAssembler assembler = assembler(site, task, header);
      long registered = nodes.get(site).map(node -> node.registeredSlices(DataSplit.DATA_SPLIT_UNSPECIFIED)).orElse(0L);
      if (header.getSampleCount() <= 0 || header.getSampleCount() > registered) {
        throw rejected(site, UpdateCheck.SAMPLE_COUNT, "sample count " + header.getSampleCount()
            + " is not between 1 and the " + registered + " training slices the site registered");
      }
      if (!Sha256.isHexDigest(header.getProvenanceSha256())) {
        throw rejected(site, UpdateCheck.PROVENANCE, "update header carries no provenance hash");
      }
      return new IncomingUpdate(this, site, open, header, assembler);
    } catch (UpdateRejectedException e) {
      reject(task, e, null);
      throw e;
    }
  }

  /** SHAPE: the encoding is known and the announced count and size are the base model's. */
  private ParameterAssembler assembler(SiteId site, TaskRecord task, UpdateHeader header) {
    ParameterEncoding encoding;
    try {
      encoding = ParameterEncoding.fromProto(header.getEncoding());
    } catch (IllegalArgumentException e) {
      throw rejected(site, UpdateCheck.SHAPE, e.getMessage());
    }
    ModelRecord base = models.find(task.experimentId(), task.modelSha256())
        .orElseThrow(() -> new IllegalStateException("base model " + task.modelSha256() + " of task "
            + task.taskId() + " is not in the store"));
    if (header.getParameterCount() != base.parameterCount()) {
      throw rejected(site, UpdateCheck.SHAPE, "update has " + header.getParameterCount() + " parameters, the model has "
          + base.parameterCount());
    }
    long expectedSize = encoding.sizeBytes(base.parameterCount());
    if (header.getSizeBytes() != expectedSize) {
      throw rejected(site, UpdateCheck.SHAPE, "update announces " + header.getSizeBytes() + " bytes, "
          + base.parameterCount() + " parameters in " + encoding + " take " + expectedSize);
    }
    return new ParameterAssembler(encoding, base.parameterCount(), expectedSize);
  }

  /**
   * The checks of a complete update, then storage and hand-over; see the class comment.
   *
   * @return the update's SHA-256
   */
  String accept(TaskBook.OpenTask open, ReceivedUpdate update) {
    TaskRecord task = open.task();
    try {
      UpdateProvenance provenance = provenanceOf(task, update);
      open.owner().updateValidator(task)
          .check(new ModelUpdate(update.site().value(), update.parameters(), update.sampleCount()));
      synchronized (open.owner()) {
        if (!book.isOpen(task.taskId())) {
          throw new TaskRefusedException("task " + task.taskId() + " finished while its update was being received");
        }
        if (tasks.existsByExperimentIdAndResultSha256(task.experimentId(), update.sha256())) {
          throw rejected(update.site(), UpdateCheck.REPLAY,
              "replayed update: identical bytes (" + update.sha256() + ") were already received");
        }
        models.write(update.encoded());
        audit.atomically(events -> {
          models.record(task.experimentId(), task.roundNo(),
              task.kind() == TaskKind.BASELINE ? ModelKind.BASELINE : ModelKind.UPDATE, update.site().value(),
              update.encoded(), provenance);
          if (!book.recordCompletion(task.taskId(), update.sampleCount(), update.sha256(),
              CanonicalJson.encode(update.metrics()))) {
            throw new TaskRefusedException("task " + task.taskId() + " finished while its update was being received");
          }
          Map<String, Object> details = new LinkedHashMap<>(Map.of("taskId", task.taskId(),
              "kind", task.kind().name(), "updateSha256", update.sha256(), "sampleCount", update.sampleCount(),
              "sizeBytes", update.encoded().sizeBytes(), "metrics", update.metrics(),
              "provenanceSha256", update.provenanceSha256()));
          update.privacySpent().ifPresent(spent -> details.put("privacySpent", PrivacySpentDetails.of(spent)));
          return events.record(AuditEventType.UPDATE_ACCEPTED, update.site().value(), task.experimentId(),
              task.roundNo(), update.site(), details);
        });
        open.owner().keepUpdate(task, update);
        book.finished(task.taskId());
      }
    } catch (UpdateRejectedException e) {
      reject(task, e, update.sha256());
      throw e;
    }
    return update.sha256();
  }

  /** PROVENANCE: the record hashes to the header's hash and describes this very update and task. */
  private static UpdateProvenance provenanceOf(TaskRecord task, ReceivedUpdate update) {
    SiteId site = update.site();
    UpdateProvenance provenance;
    try {
      provenance = UpdateProvenance.parse(update.provenanceJson());
    } catch (IllegalArgumentException e) {
      throw rejected(site, UpdateCheck.PROVENANCE, "unreadable provenance: " + e.getMessage());
    }
    if (!provenance.sha256().equals(update.provenanceSha256())) {
      throw rejected(site, UpdateCheck.PROVENANCE, "provenance record hashes to " + provenance.sha256()
          + ", the header says " + update.provenanceSha256());
    }
    if (!provenance.updateSha256().equals(update.sha256())) {
      throw rejected(site, UpdateCheck.PROVENANCE, "provenance names update " + provenance.updateSha256()
          + " but the uploaded bytes hash to " + update.sha256());
    }
    if (!provenance.experimentId().equals(task.experimentId()) || provenance.round() != task.roundNo()) {
      throw rejected(site, UpdateCheck.PROVENANCE, "provenance is for experiment " + provenance.experimentId()
          + " round " + provenance.round() + ", expected " + task.experimentId() + " round " + task.roundNo());
    }
    if (!provenance.parentModelSha256().equals(task.modelSha256())) {
      throw rejected(site, UpdateCheck.PROVENANCE, "provenance names parent model " + provenance.parentModelSha256()
          + ", the task's model is " + task.modelSha256());
    }
    if (provenance.sampleCount() != update.sampleCount()) {
      throw rejected(site, UpdateCheck.PROVENANCE, "provenance counts " + provenance.sampleCount()
          + " samples, the upload header " + update.sampleCount());
    }
    return provenance;
  }

  /** Rejects the site's open task because its transfer failed (TRANSFER). */
  void rejectTransfer(TaskBook.OpenTask open, String reason) {
    reject(open.task(), rejected(SiteId.of(open.task().siteId()), UpdateCheck.TRANSFER, reason), null);
  }

  /** Finishes the task as rejected and records why, with the check that failed. */
  private void reject(TaskRecord task, UpdateRejectedException rejection, String updateSha256) {
    if (book.close(task.taskId(), TaskStatus.REJECTED, rejection.reason())) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("taskId", task.taskId());
      details.put("check", rejection.check().code());
      details.put("reason", rejection.reason());
      if (updateSha256 != null) {
        details.put("updateSha256", updateSha256);
      }
      audit.record(AuditEventType.UPDATE_REJECTED, task.siteId(), task.experimentId(), task.roundNo(),
          SiteId.of(task.siteId()), details);
    }
  }

  private static UpdateRejectedException rejected(SiteId site, UpdateCheck check, String reason) {
    return new UpdateRejectedException(site.value(), check, reason);
  }
}
