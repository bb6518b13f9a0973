package org.oncofed.common.audit;

import java.util.List;
import java.util.Map;
import org.oncofed.common.hash.Sha256;

/**
 * What an audit event records. Each type says which context fields (experiment, round, site) and
 * which detail keys it must carry, so that an auditor's questions can always be answered from it;
 * further detail keys are welcome. Any detail key ending in {@code Sha256} must hold a hex digest.
 */
public enum AuditEventType {
  /** A researcher created an experiment. Details: configurationSha256 (+ configuration summary). */
  EXPERIMENT_CREATED(true, false, false, "configurationSha256"),
  /** An experiment was launched. Details: configurationSha256. */
  EXPERIMENT_STARTED(true, false, false, "configurationSha256"),
  /** An experiment was cancelled. Details: reason. */
  EXPERIMENT_CANCELLED(true, false, false, "reason"),
  /** An experiment ran all its rounds. Details: finalModelSha256. */
  EXPERIMENT_COMPLETED(true, false, false, "finalModelSha256"),
  /** An experiment stopped on an error. Details: reason. */
  EXPERIMENT_FAILED(true, false, false, "reason"),
  /** A round was opened. Details: selectedSites (list), globalModelSha256. */
  ROUND_OPENED(true, true, false, "selectedSites", "globalModelSha256"),
  /**
   * A site's update passed validation. Details: taskId, updateSha256, sampleCount (+ sizeBytes, metrics,
   * privacySpent: the site's epsilon, delta and maxEpsilon after this release).
   */
  UPDATE_ACCEPTED(true, true, true, "taskId", "updateSha256", "sampleCount"),
  /** A site's update was refused. Details: taskId, reason (+ updateSha256 when it was received whole). */
  UPDATE_REJECTED(true, true, true, "taskId", "reason"),
  /** A site returned an evaluation. Details: taskId, modelSha256 (+ split, examples, reportSha256, privacySpent). */
  EVALUATION_RECEIVED(true, true, true, "taskId", "modelSha256"),
  /**
   * A site declined a task. Details: taskId, reason (+ planSha256, the plan as the site computed it;
   * privacySpent and taskEpsilon when the site's privacy budget refused it).
   */
  TASK_DECLINED(true, true, true, "taskId", "reason"),
  /**
   * A site decided on an experiment's plan: approved or rejected it, by an operator or a rule of its
   * policy. Details: planSha256, decision (approved or rejected), decidedBy.
   */
  PLAN_DECIDED(true, false, true, "planSha256", "decision", "decidedBy"),
  /** A round produced a new global model. Details: participants (list), weights (map site to weight), newModelSha256. */
  ROUND_AGGREGATED(true, true, false, "participants", "weights", "newModelSha256"),
  /** A round ended without a new model. Details: reason. */
  ROUND_FAILED(true, true, false, "reason"),
  /** A researcher released a global model with a signed model card. Details: releaseId, name, modelSha256, cardSha256. */
  MODEL_RELEASED(true, false, false, "releaseId", "name", "modelSha256", "cardSha256"),
  /** A node opened its control stream. Details: certificateSerial. */
  NODE_CONNECTED(false, false, true, "certificateSerial"),
  /** A node's control stream ended. Details: reason. */
  NODE_DISCONNECTED(false, false, true, "reason"),
  /** A TLS client certificate was refused during the handshake. Details: subject, reason. */
  CONNECTION_REFUSED(false, false, false, "subject", "reason"),
  /**
   * A call on the federation service was refused after the handshake (a certificate without the
   * node role, a task or model the site may not touch, a broken protocol). Site context when a
   * node made it. Details: method (gRPC full method name), reason (+ status, subject, role,
   * certificateSerial, taskId).
   */
  CALL_REFUSED(false, false, false, "method", "reason"),
  /** A node's Hello claimed a site other than its certificate's. Site context: the certificate's. Details: claimedSite, reason. */
  SITE_CLAIM_REFUSED(false, false, true, "claimedSite", "reason"),
  /**
   * A REST request was answered 401 or 403. Experiment context when it concerned one. Details:
   * method, path (without the query), status, reason (+ subject, role, certificateSerial).
   */
  REQUEST_REFUSED(false, false, false, "method", "path", "status", "reason"),
  /** The revocation list newly lists a certificate. Details: serial (+ revokedAt, reason). */
  CERTIFICATE_REVOKED(false, false, false, "serial"),
  /**
   * A new revocation list file was not put in force: older than the list in force (CRL number or
   * thisUpdate), unreadable, or not signed by the CA. Details: reason, crlNumberInForce.
   */
  REVOCATION_LIST_REFUSED(false, false, false, "reason", "crlNumberInForce"),
  /** The revocation list in force passed its nextUpdate. Details: crlNumber, nextUpdate, policy (refuse or warn). */
  REVOCATION_LIST_STALE(false, false, false, "crlNumber", "nextUpdate", "policy"),
  /** An administrator changed something. Details: action. */
  ADMIN_ACTION(false, false, false, "action");

  private final boolean needsExperiment;
  private final boolean needsRound;
  private final boolean needsSite;
  private final List<String> requiredDetails;

  AuditEventType(boolean needsExperiment, boolean needsRound, boolean needsSite, String... requiredDetails) {
    this.needsExperiment = needsExperiment;
    this.needsRound = needsRound;
    this.needsSite = needsSite;
    this.requiredDetails = List.of(requiredDetails);
  }

  /** Detail keys every event of this type carries. */
  public List<String> requiredDetails() {
    return requiredDetails;
  }

  /** Fails naming what is missing when an event of this type lacks required context or details. */
  void check(String experimentId, Integer round, String siteId, Map<String, Object> details) {
    require(!needsExperiment || experimentId != null, "an experiment id");
    require(!needsRound || round != null, "a round");
    require(!needsSite || siteId != null, "a site id");
    for (String key : requiredDetails) {
      require(details.containsKey(key), "detail '" + key + "'");
    }
    details.forEach((key, value) -> {
      if (key.endsWith("Sha256") && !(value instanceof String text && Sha256.isHexDigest(text))) {
        throw new IllegalArgumentException(name() + " detail '" + key
            + "' must be a SHA-256 digest (64 lower-case hex characters), found '" + value + "'");
      }
    });
  }

  private void require(boolean present, String what) {
    if (!present) {
      throw new IllegalArgumentException(name() + " events need " + what);
    }
  }

  /** The type with this name; fails naming the value otherwise. */
  public static AuditEventType parse(String name) {
    for (AuditEventType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown audit event type '" + name + "'");
  }
}
