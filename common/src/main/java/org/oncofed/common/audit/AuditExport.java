package org.oncofed.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The audit export: JSON Lines, UTF-8, one record per line, in this order:
 *
 * <ol>
 *   <li>a header: {@code {"checkpoints":C,"coordinator":"CN=...","events":N,"exportedAt":"...","format":"oncofed-audit-export","kind":"header","version":1}};
 *   <li>every event in sequence order: {@code {"event":{...},"hash":"...","kind":"event"}}, with
 *       the event in the form {@link AuditEvent#canonical()} gives;
 *   <li>each checkpoint right after the event it signs (those signing sequence 0 right after the
 *       header): {@code {"certificate":"PEM","kind":"checkpoint","payload":"...","signature":"base64"}},
 *       where payload is the signed text itself, kept as a string so its bytes survive.
 * </ol>
 *
 * An export ends with a checkpoint signed when it was made, so that nothing can be cut from its end
 * unnoticed.
 */
public final class AuditExport {

  public static final String FORMAT = "oncofed-audit-export";
  public static final int VERSION = 1;
  static final Set<String> HEADER_FIELDS =
      Set.of("checkpoints", "coordinator", "events", "exportedAt", "format", "kind", "version");
  static final Set<String> EVENT_FIELDS = Set.of("event", "hash", "kind");
  static final Set<String> CHECKPOINT_FIELDS = Set.of("certificate", "kind", "payload", "signature");

  /**
   * What the header announces. Unsigned: the verifier uses the counts only to report a file that
   * lost lines, never to vouch for one.
   */
  public record Header(Instant exportedAt, String coordinator, long events, long checkpoints) {

    public String line() {
      SortedMap<String, Object> map = new TreeMap<>();
      map.put("checkpoints", checkpoints);
      map.put("coordinator", coordinator);
      map.put("events", events);
      map.put("exportedAt", AuditJson.time(exportedAt));
      map.put("format", FORMAT);
      map.put("kind", "header");
      map.put("version", (long) VERSION);
      return AuditJson.encode(map);
    }

    static Header fromJson(JsonNode node) {
      Records.requireOnly(node, HEADER_FIELDS, "header");
      String format = Records.textField(node, "format", "header");
      if (!FORMAT.equals(format)) {
        throw new IllegalArgumentException("not an OncoFed audit export: format is '" + format + "', expected '" + FORMAT + "'");
      }
      long version = Records.longField(node, "version", "header");
      if (version != VERSION) {
        throw new IllegalArgumentException("export format version " + version + " is not supported (this verifier reads version "
            + VERSION + ")");
      }
      return new Header(AuditJson.parseTime(Records.textField(node, "exportedAt", "header")),
          Records.textField(node, "coordinator", "header"), Records.longField(node, "events", "header"),
          Records.longField(node, "checkpoints", "header"));
    }
  }

  private AuditExport() {}

  public static String eventLine(AuditEntry entry) {
    return eventLine(entry.event().toMap(), entry.hash());
  }

  /**
   * An event line from fields as stored, unchecked, so that an export copies a damaged record as
   * it is and leaves the judgement to the verifier.
   */
  public static String eventLine(SortedMap<String, Object> eventFields, String hash) {
    SortedMap<String, Object> map = new TreeMap<>();
    map.put("event", eventFields);
    map.put("hash", hash);
    map.put("kind", "event");
    return AuditJson.encode(map);
  }

  public static String checkpointLine(SignedCheckpoint checkpoint) {
    return checkpointLine(checkpoint.payload(), checkpoint.signatureBase64(), checkpoint.certificatePem());
  }

  /** A checkpoint line from fields as stored, unchecked. */
  public static String checkpointLine(String payload, String signatureBase64, String certificatePem) {
    SortedMap<String, Object> map = new TreeMap<>();
    map.put("certificate", certificatePem);
    map.put("kind", "checkpoint");
    map.put("payload", payload);
    map.put("signature", signatureBase64);
    return AuditJson.encode(map);
  }

  /** Reads a checkpoint line; fails naming what is wrong. */
  static SignedCheckpoint checkpointFromJson(JsonNode node) {
    Records.requireOnly(node, CHECKPOINT_FIELDS, "checkpoint line");
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(Records.textField(node, "signature", "checkpoint line"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint signature is not base64: " + e.getMessage(), e);
    }
    return new SignedCheckpoint(Records.textField(node, "payload", "checkpoint line"), signature,
        Records.textField(node, "certificate", "checkpoint line"));
  }

  /** Reads an event line into the event and its stored hash. */
  static AuditEntry eventFromJson(JsonNode node) {
    Records.requireOnly(node, EVENT_FIELDS, "event line");
    AuditEvent event = AuditEvent.fromJson(Records.field(node, "event", "event line"));
    return new AuditEntry(event, Records.textField(node, "hash", "event line"));
  }
}
