package org.oncofed.common.audit;

/** What a hospital node's ledger records: everything that left the site, and what it was told. */
public enum LedgerEntryType {
  /**
   * A training update was sent. Details: updateSha256, sizeBytes, sampleCount, privacy
   * (clipNorm, noiseMultiplier, secureAggregation).
   */
  UPDATE_SENT,
  /** An evaluation report was sent. Details: modelSha256, reportSha256, split, examples. */
  EVALUATION_SENT,
  /** A signed checkpoint of the coordinator's trail was received. Details: payload, signature, certificate. */
  CHECKPOINT_RECEIVED,
  /**
   * The coordinator answered an update or evaluation the site sent for the entry's task. Details:
   * accepted (true once the coordinator has committed it), reason (when refused).
   */
  ANSWER_RECEIVED;

  public static LedgerEntryType parse(String name) {
    for (LedgerEntryType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown ledger entry type '" + name + "'");
  }
}
