package org.oncofed.common.audit;

/** What a hospital node's ledger records: everything that left the site, and what it was told. */
public enum LedgerEntryType {
  /**
   * A training update was sent. Details: updateSha256, sizeBytes, sampleCount, privacy
   * (clipNorm, noiseMultiplier, secureAggregation), privacySpent (epsilon, delta, maxEpsilon of the
   * training split once this release is counted).
   */
  UPDATE_SENT,
  /** An evaluation report was sent. Details: modelSha256, reportSha256, split, examples, privacySpent. */
  EVALUATION_SENT,
  /** A signed checkpoint of the coordinator's trail was received. Details: payload, signature, certificate. */
  CHECKPOINT_RECEIVED,
  /**
   * The coordinator answered an update or evaluation the site sent for the entry's task. Details:
   * accepted (true once the coordinator has committed it), reason (when refused).
   */
  ANSWER_RECEIVED,
  /**
   * The site decided on an experiment's plan (no task). Details: planSha256, decision (approved or
   * rejected), decidedBy (operator, or the policy rule).
   */
  PLAN_DECIDED,
  /**
   * The site declined the entry's task. Details: reason (+ planSha256; privacySpent and taskEpsilon
   * when the privacy budget refused it).
   */
  TASK_DECLINED;

  public static LedgerEntryType parse(String name) {
    for (LedgerEntryType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown ledger entry type '" + name + "'");
  }
}
