package org.oncofed.common.audit;

/** What verification found wrong with a trail, an export or a ledger. */
public enum ProblemKind {
  /** A line or row cannot be read as a record of its kind. */
  MALFORMED,
  /** A record's content no longer matches its hash. */
  EDITED,
  /** A sequence number is missing and never appears. */
  DELETED,
  /** A sequence number appears a second time. */
  INSERTED,
  /** A sequence number appears later than where it belongs. */
  REORDERED,
  /** The trail ends before what a checkpoint signed, or its end is not covered by a signature. */
  TRUNCATED,
  /** The chain hash at a checkpoint differs from the signed one: records before it were rewritten. */
  CHECKPOINT_MISMATCH,
  /** A checkpoint signature does not verify. */
  BAD_SIGNATURE,
  /** A checkpoint was signed by a certificate that is not the project CA's coordinator certificate. */
  UNTRUSTED_SIGNER,
  /** A site's ledger and the coordinator's trail disagree. */
  LEDGER_MISMATCH
}
