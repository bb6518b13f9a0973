package org.oncofed.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.oncofed.common.SiteId;

/**
 * One entry of a hospital node's ledger, hash-chained like the coordinator's trail ({@link
 * ChainHash}) over its canonical encoding:
 *
 * <pre>{"details":{..},"experimentId":..,"round":..,"sequence":..,"siteId":..,"taskId":..,"time":..,"type":..}</pre>
 *
 * with experimentId, round and taskId left out when absent.
 */
public record LedgerEntry(
    long sequence,
    Instant time,
    LedgerEntryType type,
    String siteId,
    @Nullable String experimentId,
    @Nullable Integer round,
    @Nullable String taskId,
    SortedMap<String, Object> details) {

  private static final Set<String> FIELDS =
      Set.of("details", "experimentId", "round", "sequence", "siteId", "taskId", "time", "type");

  public LedgerEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, found " + sequence);
    }
    time = AuditJson.truncate(Objects.requireNonNull(time, "time"));
    Objects.requireNonNull(type, "type");
    siteId = SiteId.of(siteId).value();
    if (round != null && round < 0) {
      throw new IllegalArgumentException("round must not be negative, found " + round);
    }
    details = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(details, "details")));
  }

  /** An entry about to be written: details are normalised and checked for patient data. */
  public static LedgerEntry create(long sequence, Instant time, LedgerEntryType type, String siteId,
      @Nullable String experimentId, @Nullable Integer round, @Nullable String taskId, Map<String, ?> details) {
    return new LedgerEntry(sequence, time, type, siteId, experimentId, round, taskId, AuditDetails.of(details));
  }

  /** The details of a {@link LedgerEntryType#CHECKPOINT_RECEIVED} entry for this checkpoint. */
  public static Map<String, Object> checkpointDetails(SignedCheckpoint checkpoint) {
    return Map.of("payload", checkpoint.payload(), "signature", checkpoint.signatureBase64(),
        "certificate", checkpoint.certificatePem());
  }

  /** The checkpoint a {@link LedgerEntryType#CHECKPOINT_RECEIVED} entry holds. */
  public SignedCheckpoint signedCheckpoint() {
    if (type != LedgerEntryType.CHECKPOINT_RECEIVED) {
      throw new IllegalStateException("entry " + sequence + " is a " + type + ", not a checkpoint");
    }
    if (!(details.get("payload") instanceof String payload)
        || !(details.get("signature") instanceof String signature)
        || !(details.get("certificate") instanceof String certificate)) {
      throw new IllegalArgumentException("checkpoint entry " + sequence + " lacks payload, signature or certificate");
    }
    return new SignedCheckpoint(payload, Base64.getDecoder().decode(signature), certificate);
  }

  public SortedMap<String, Object> toMap() {
    SortedMap<String, Object> map = new TreeMap<>();
    map.put("details", details);
    if (experimentId != null) {
      map.put("experimentId", experimentId);
    }
    if (round != null) {
      map.put("round", (long) round);
    }
    map.put("sequence", sequence);
    map.put("siteId", siteId);
    if (taskId != null) {
      map.put("taskId", taskId);
    }
    map.put("time", AuditJson.time(time));
    map.put("type", type.name());
    return map;
  }

  public String canonical() {
    return AuditJson.encode(toMap());
  }

  public static LedgerEntry fromJson(JsonNode node) {
    Records.requireOnly(node, FIELDS, "ledger entry");
    return new LedgerEntry(
        Records.longField(node, "sequence", "ledger entry"),
        AuditJson.parseTime(Records.textField(node, "time", "ledger entry")),
        LedgerEntryType.parse(Records.textField(node, "type", "ledger entry")),
        Records.textField(node, "siteId", "ledger entry"),
        Records.optionalText(node, "experimentId", "ledger entry"),
        Records.optionalInt(node, "round", "ledger entry"),
        Records.optionalText(node, "taskId", "ledger entry"),
        AuditDetails.fromJson(Records.field(node, "details", "ledger entry"), "ledger entry.details"));
  }
}
