package org.oncofed.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.oncofed.common.hash.Sha256;

/**
 * A statement by the coordinator that its trail had {@code sequence} events whose chain head was
 * {@code chainHead} at {@code time}. Signed ({@link SignedCheckpoint}), it pins everything up to
 * that event: nothing before it can be changed, removed or reordered afterwards, and the trail can
 * no longer be cut shorter than it.
 *
 * <p>Payload (canonical JSON, {@link AuditJson}):
 * {@code {"chainHead":..,"checkpoint":..,"format":"oncofed-audit-checkpoint/1","reason":..,"sequence":..,"time":..}}
 *
 * @param number checkpoints are numbered 1, 2, 3... without gaps
 * @param sequence the last event covered; 0 for an empty trail
 * @param chainHead the chain hash of that event ({@link ChainHash#GENESIS} for an empty trail)
 * @param reason why it was signed: {@code round}, {@code shutdown}, {@code export}, {@code periodic}...
 */
public record Checkpoint(long number, long sequence, String chainHead, Instant time, String reason) {

  public static final String FORMAT = "oncofed-audit-checkpoint/1";
  private static final Set<String> FIELDS = Set.of("chainHead", "checkpoint", "format", "reason", "sequence", "time");

  public Checkpoint {
    if (number < 1) {
      throw new IllegalArgumentException("checkpoint number must be at least 1, found " + number);
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("checkpoint sequence must not be negative, found " + sequence);
    }
    Sha256.requireHexDigest(chainHead, "chainHead");
    time = AuditJson.truncate(Objects.requireNonNull(time, "time"));
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.length() > 200) {
      throw new IllegalArgumentException("checkpoint reason must be 1-200 characters, found '" + reason + "'");
    }
  }

  /** The exact text that is signed (as UTF-8). */
  public String payload() {
    SortedMap<String, Object> map = new TreeMap<>();
    map.put("chainHead", chainHead);
    map.put("checkpoint", number);
    map.put("format", FORMAT);
    map.put("reason", reason);
    map.put("sequence", sequence);
    map.put("time", AuditJson.time(time));
    return AuditJson.encode(map);
  }

  /** Reads a payload; fails if it is not exactly the canonical form of a checkpoint. */
  public static Checkpoint fromPayload(String payload) {
    JsonNode node = AuditJson.parse(payload);
    Records.requireOnly(node, FIELDS, "checkpoint");
    String format = Records.textField(node, "format", "checkpoint");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("checkpoint format must be '" + FORMAT + "', found '" + format + "'");
    }
    Checkpoint checkpoint = new Checkpoint(
        Records.longField(node, "checkpoint", "checkpoint"),
        Records.longField(node, "sequence", "checkpoint"),
        Records.textField(node, "chainHead", "checkpoint"),
        AuditJson.parseTime(Records.textField(node, "time", "checkpoint")),
        Records.textField(node, "reason", "checkpoint"));
    if (!checkpoint.payload().equals(payload)) {
      throw new IllegalArgumentException("checkpoint payload is not in canonical form");
    }
    return checkpoint;
  }
}
