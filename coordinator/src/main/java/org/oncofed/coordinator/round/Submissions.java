package org.oncofed.coordinator.round;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.model.ParameterEncoding;
import org.oncofed.coordinator.aggregation.UpdateRejectedException;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.federation.ConnectedNode;
import org.oncofed.coordinator.federation.ConnectedNodes;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.DatasetSummary;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.ModelRef;
import org.oncofed.proto.federation.v1.SplitCounts;
import org.oncofed.proto.federation.v1.UpdateHeader;

/**
 * Everything a site sends back for a task passes here: the update header is checked before any
 * data is read (task bound to the site, base model, encoding, shape, sample count no larger than
 * the site's registered training split); a complete update is checked for replay and finite values
 * and handed to the task's owner; evaluations are checked against the task and the split size.
 * A rejected result finishes the task as REJECTED, with the reason the node is told.
 */
@Singleton
public class Submissions {

  private final TaskBook book;
  private final TaskRepository tasks;
  private final ModelStore models;
  private final ConnectedNodes nodes;
  private final AuditTrail audit;

  Submissions(TaskBook book, TaskRepository tasks, ModelStore models, ConnectedNodes nodes, AuditTrail audit) {
    this.book = book;
    this.tasks = tasks;
    this.models = models;
    this.nodes = nodes;
    this.audit = audit;
  }

  /**
   * Checks an upload's header before its data is read.
   *
   * @return what the data must be: encoding, parameter count and size
   * @throws TaskRefusedException when the task is not an open task of this site
   * @throws UpdateRejectedException when the header does not fit the task (the task is then rejected)
   */
  public ModelRef expectUpdate(SiteId site, UpdateHeader header) {
    TaskBook.OpenTask open = book.require(header.getTaskId(), site);
    TaskRecord task = open.task();
    try {
      if (task.kind() != TaskKind.TRAIN && task.kind() != TaskKind.BASELINE) {
        throw rejected(site, "task " + task.taskId() + " is an evaluation task and takes no update");
      }
      if (!task.modelSha256().equals(header.getBaseModelSha256())) {
        throw rejected(site, "update was trained from model " + header.getBaseModelSha256()
            + " but task " + task.taskId() + " sent model " + task.modelSha256());
      }
      ParameterEncoding encoding;
      try {
        encoding = ParameterEncoding.fromProto(header.getEncoding());
      } catch (IllegalArgumentException e) {
        throw rejected(site, e.getMessage());
      }
      ModelRecord base = models.find(task.experimentId(), task.modelSha256())
          .orElseThrow(() -> new IllegalStateException("base model " + task.modelSha256() + " of task "
              + task.taskId() + " is not in the store"));
      if (header.getParameterCount() != base.parameterCount()) {
        throw rejected(site, "update has " + header.getParameterCount() + " parameters, the model has "
            + base.parameterCount());
      }
      if (header.getSizeBytes() != encoding.sizeBytes(base.parameterCount())) {
        throw rejected(site, "update announces " + header.getSizeBytes() + " bytes, " + base.parameterCount()
            + " parameters in " + encoding + " take " + encoding.sizeBytes(base.parameterCount()));
      }
      long registered = splitSize(site, DataSplit.DATA_SPLIT_UNSPECIFIED);
      if (header.getSampleCount() <= 0 || header.getSampleCount() > registered) {
        throw rejected(site, "sample count " + header.getSampleCount() + " is not between 1 and the "
            + registered + " training slices the site registered");
      }
      if (!Sha256.isHexDigest(header.getProvenanceSha256())) {
        throw rejected(site, "update header carries no provenance hash");
      }
      return ModelRef.newBuilder()
          .setEncoding(encoding.toProto())
          .setParameterCount(base.parameterCount())
          .setSizeBytes(header.getSizeBytes())
          .build();
    } catch (UpdateRejectedException e) {
      reject(task, e.reason(), null);
      throw e;
    }
  }

  /**
   * Hands a complete, hash-verified update to its task's owner.
   *
   * @return the update's SHA-256
   * @throws TaskRefusedException when the task is no longer open for this site
   * @throws UpdateRejectedException when the update must not be used (the task is then rejected)
   */
  public String acceptUpdate(ReceivedUpdate update) {
    TaskBook.OpenTask open = book.require(update.taskId(), update.site());
    TaskRecord task = open.task();
    synchronized (open.owner()) {
      if (!book.isOpen(task.taskId())) {
        throw new TaskRefusedException("task " + task.taskId() + " finished while its update was being received");
      }
      try {
        if (tasks.existsByExperimentIdAndResultSha256(task.experimentId(), update.sha256())) {
          throw rejected(update.site(), "replayed update: identical bytes (" + update.sha256() + ") were already received");
        }
        open.owner().acceptUpdate(task, update);
      } catch (UpdateRejectedException e) {
        reject(task, e.reason(), update.sha256());
        throw e;
      }
      book.complete(task.taskId(), update.sampleCount(), update.sha256(), CanonicalJson.encode(update.metrics()));
    }
    audit.record(AuditEventType.UPDATE_ACCEPTED, update.site().value(), task.experimentId(), task.roundNo(),
        update.site(), Map.of("taskId", task.taskId(), "kind", task.kind().name(), "updateSha256", update.sha256(),
            "sampleCount", update.sampleCount(), "sizeBytes", update.encoded().sizeBytes(),
            "metrics", update.metrics(), "provenanceSha256", update.provenanceSha256()));
    return update.sha256();
  }

  /** Rejects the site's open task because its upload was malformed (bad hash, short data...). */
  public void rejectUpload(SiteId site, String taskId, String reason) {
    try {
      reject(book.require(taskId, site).task(), reason, null);
    } catch (TaskRefusedException notOpenOrNotTheirs) {
      // nothing of this site's to reject
    }
  }

  /**
   * Checks an evaluation against its task and the site's registered split, then stores it.
   *
   * @throws TaskRefusedException when the task is not an open evaluation task of this site
   * @throws IllegalArgumentException when the counts do not fit (the task is then rejected)
   */
  public void acceptEvaluation(SiteId site, EvaluationReport report) {
    TaskBook.OpenTask open = book.require(report.getTaskId(), site);
    TaskRecord task = open.task();
    try {
      if (task.kind() != TaskKind.EVALUATE) {
        throw new IllegalArgumentException("task " + task.taskId() + " is a " + task.kind() + " task, not an evaluation");
      }
      if (!task.modelSha256().equals(report.getModelSha256())) {
        throw new IllegalArgumentException("evaluation is of model " + report.getModelSha256() + ", the task sent "
            + task.modelSha256());
      }
      DataSplit split = DataSplit.valueOf(task.dataSplit());
      if (report.getSplit() != split) {
        throw new IllegalArgumentException("evaluation is on " + report.getSplit() + ", the task asked for " + split);
      }
      EvaluationCounts counts = EvaluationCounts.fromProto(report);
      long registered = splitSize(site, split);
      if (counts.examples() > registered) {
        throw new IllegalArgumentException("evaluation counts " + counts.examples() + " examples, the site registered "
            + registered + " in its " + split + " split");
      }
      synchronized (open.owner()) {
        if (!book.isOpen(task.taskId())) {
          throw new TaskRefusedException("task " + task.taskId() + " finished while its evaluation was being received");
        }
        open.owner().acceptEvaluation(task, counts);
        book.complete(task.taskId(), counts.examples(), null, CanonicalJson.encode(Map.of("loss", counts.meanLoss())));
      }
      audit.record(AuditEventType.EVALUATION_RECEIVED, site.value(), task.experimentId(), task.roundNo(), site,
          Map.of("taskId", task.taskId(), "modelSha256", task.modelSha256(), "split", split.name(),
              "examples", counts.examples(), "reportSha256", Sha256.hex(report.toByteArray())));
    } catch (IllegalArgumentException e) {
      book.close(task.taskId(), TaskStatus.REJECTED, e.getMessage());
      throw e;
    }
  }

  /** Finishes the task as rejected and records why. */
  private void reject(TaskRecord task, String reason, String updateSha256) {
    if (book.close(task.taskId(), TaskStatus.REJECTED, reason)) {
      Map<String, Object> details = new java.util.LinkedHashMap<>();
      details.put("taskId", task.taskId());
      details.put("reason", reason);
      if (updateSha256 != null) {
        details.put("updateSha256", updateSha256);
      }
      audit.record(AuditEventType.UPDATE_REJECTED, task.siteId(), task.experimentId(), task.roundNo(),
          SiteId.of(task.siteId()), details);
    }
  }

  /** Slices the site registered in a split (UNSPECIFIED: its training split), from its Hello. */
  private long splitSize(SiteId site, DataSplit split) {
    DatasetSummary dataset = nodes.get(site).map(ConnectedNode::hello)
        .filter(hello -> hello.hasDataset())
        .map(hello -> hello.getDataset())
        .orElseThrow(() -> rejected(site, "site has no registered dataset"));
    SplitCounts counts = switch (split) {
      case DATA_SPLIT_VALIDATION -> dataset.getValidation();
      case DATA_SPLIT_TEST -> dataset.getTest();
      default -> dataset.getTrain();
    };
    return sum(counts.getPerClassList());
  }

  private static long sum(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).sum();
  }

  private static UpdateRejectedException rejected(SiteId site, String reason) {
    return new UpdateRejectedException(site.value(), reason);
  }
}
