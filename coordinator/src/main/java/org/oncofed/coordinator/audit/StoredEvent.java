package org.oncofed.coordinator.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import org.oncofed.common.audit.AuditDetails;
import org.oncofed.common.audit.AuditEntry;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.AuditJson;

/**
 * An {@code audit_event} row exactly as stored, before any check: a row someone altered may no
 * longer make a valid event, and must still be exported and reported faithfully.
 *
 * @param id the row's storage position
 */
public record StoredEvent(
    long id,
    long seq,
    Instant time,
    String type,
    String actor,
    @Nullable String experimentId,
    @Nullable Integer round,
    @Nullable String siteId,
    String detailsJson,
    String hash) {

  /** Where this row is, for verification reports. */
  String location() {
    return "audit_event id " + id;
  }

  /** The event the row holds; fails naming what is wrong if it no longer holds a valid one. */
  AuditEntry toEntry() {
    AuditEvent event = new AuditEvent(seq, time, AuditEventType.parse(type), actor, experimentId, round, siteId,
        AuditDetails.fromJson(AuditJson.parse(detailsJson), "details"));
    return new AuditEntry(event, hash);
  }

  /**
   * The row's fields in the shape of {@link AuditEvent#toMap()}, built without validation, so that
   * an export copies even a damaged row as it is. For an intact row it equals the event's map.
   */
  public SortedMap<String, Object> rawMap() {
    SortedMap<String, Object> map = new TreeMap<>();
    map.put("actor", actor);
    Object details;
    try {
      details = AuditJson.fromJson(AuditJson.parse(detailsJson), "details");
    } catch (IllegalArgumentException unreadable) {
      details = detailsJson;
    }
    map.put("details", details);
    if (experimentId != null) {
      map.put("experimentId", experimentId);
    }
    if (round != null) {
      map.put("round", (long) round);
    }
    map.put("sequence", seq);
    if (siteId != null) {
      map.put("siteId", siteId);
    }
    map.put("time", AuditJson.time(time));
    map.put("type", type);
    return map;
  }
}
