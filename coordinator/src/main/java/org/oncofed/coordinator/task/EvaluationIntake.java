package org.oncofed.coordinator.task;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.PrivacySpentDetails;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.EvaluationReport;

/**
 * The one way in for an evaluation a site returns: checked against its task (open, this site's,
 * an evaluation, of the task's model, on the task's split) and the site's registered split size,
 * then, under the owner's monitor, kept by the owner, the task completed and
 * {@code EVALUATION_RECEIVED} recorded in one transaction before the site is answered. A rejected
 * evaluation finishes the task as REJECTED.
 *
 * <p>A baseline task may be answered with an evaluation too: the site's policy kept its local-only
 * baseline on-site, and only its counts on the site's own test split leave. The model is then
 * known by the hash the site reports; its bytes never reach the coordinator.
 */
@Singleton
public class EvaluationIntake {

  private final TaskBook book;
  private final ConnectedNodes nodes;
  private final AuditTrail audit;

  EvaluationIntake(TaskBook book, ConnectedNodes nodes, AuditTrail audit) {
    this.book = book;
    this.nodes = nodes;
    this.audit = audit;
  }

  /**
   * @throws TaskRefusedException when the task is not an open evaluation task of this site
   * @throws IllegalArgumentException when the counts do not fit (the task is then rejected)
   */
  public void accept(SiteId site, EvaluationReport report) {
    TaskBook.OpenTask open = book.require(report.getTaskId(), site);
    TaskRecord task = open.task();
    try {
      boolean keptBaseline = task.kind() == TaskKind.BASELINE;
      if (task.kind() != TaskKind.EVALUATE && !keptBaseline) {
        throw new IllegalArgumentException("task " + task.taskId() + " is a " + task.kind() + " task, not an evaluation");
      }
      if (keptBaseline) {
        Sha256.requireHexDigest(report.getModelSha256(), "the kept baseline's model SHA-256");
      } else if (!task.modelSha256().equals(report.getModelSha256())) {
        throw new IllegalArgumentException("evaluation is of model " + report.getModelSha256() + ", the task sent "
            + task.modelSha256());
      }
      DataSplit split = keptBaseline ? DataSplit.DATA_SPLIT_TEST : DataSplit.valueOf(task.dataSplit());
      if (report.getSplit() != split) {
        throw new IllegalArgumentException("evaluation is on " + report.getSplit() + ", the task asked for " + split);
      }
      EvaluationCounts counts = EvaluationCounts.fromProto(report);
      long registered = nodes.get(site).map(node -> node.registeredSlices(split)).orElse(0L);
      if (counts.examples() > registered) {
        throw new IllegalArgumentException("evaluation counts " + counts.examples() + " examples, the site registered "
            + registered + " in its " + split + " split");
      }
      synchronized (open.owner()) {
        if (!book.isOpen(task.taskId())) {
          throw new TaskRefusedException("task " + task.taskId() + " finished while its evaluation was being received");
        }
        audit.atomically(events -> {
          open.owner().keepEvaluation(task, report.getModelSha256(), counts);
          if (!book.recordCompletion(task.taskId(), counts.examples(), keptBaseline ? report.getModelSha256() : null,
              CanonicalJson.encode(Map.of("loss", counts.meanLoss())))) {
            throw new TaskRefusedException("task " + task.taskId() + " finished while its evaluation was being received");
          }
          Map<String, Object> details = new LinkedHashMap<>(Map.of("taskId", task.taskId(),
              "modelSha256", report.getModelSha256(), "split", split.name(), "examples", counts.examples(),
              "reportSha256", Sha256.hex(report.toByteArray())));
          if (keptBaseline) {
            details.put("kind", "BASELINE_KEPT_ON_SITE");
          }
          if (report.hasPrivacySpent()) {
            details.put("privacySpent", PrivacySpentDetails.of(report.getPrivacySpent()));
          }
          return events.record(AuditEventType.EVALUATION_RECEIVED, site.value(), task.experimentId(), task.roundNo(),
              site, details);
        });
        book.finished(task.taskId());
      }
    } catch (IllegalArgumentException e) {
      book.close(task.taskId(), TaskStatus.REJECTED, e.getMessage());
      throw e;
    }
  }
}
