package org.oncofed.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.oncofed.common.SiteId;

/**
 * One event of the coordinator's audit trail. Its canonical encoding ({@link #canonical()}) is what
 * the hash chain covers:
 *
 * <pre>{"actor":..,"details":{..},"experimentId":..,"round":..,"sequence":..,"siteId":..,"time":..,"type":..}</pre>
 *
 * with experimentId, round and siteId left out when absent.
 *
 * @param sequence position in the trail, 1 for the first event, without gaps
 * @param time when the coordinator recorded it (UTC, milliseconds)
 * @param actor who caused it: a certificate CN (researcher, admin, site) or {@value #SYSTEM} for
 *     the coordinator itself
 * @param details normalised details ({@link AuditDetails})
 */
public record AuditEvent(
    long sequence,
    Instant time,
    AuditEventType type,
    String actor,
    @Nullable String experimentId,
    @Nullable Integer round,
    @Nullable String siteId,
    SortedMap<String, Object> details) {

  /** The actor of events the coordinator causes by itself (timeouts, aggregation, refusals). */
  public static final String SYSTEM = "coordinator";

  private static final Set<String> FIELDS =
      Set.of("actor", "details", "experimentId", "round", "sequence", "siteId", "time", "type");

  public AuditEvent {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, found " + sequence);
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    time = AuditJson.truncate(time);
    actor = text(actor, "actor", 200);
    if (experimentId != null) {
      experimentId = text(experimentId, "experimentId", 100);
    }
    if (round != null && round < 0) {
      throw new IllegalArgumentException("round must not be negative, found " + round);
    }
    if (siteId != null) {
      siteId = SiteId.of(siteId).value();
    }
    details = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(details, "details")));
  }

  /**
   * An event about to be recorded: details are normalised and checked for patient data, and the
   * type's required context and details are enforced.
   */
  public static AuditEvent create(long sequence, Instant time, AuditEventType type, String actor,
      @Nullable String experimentId, @Nullable Integer round, @Nullable String siteId, Map<String, ?> details) {
    Objects.requireNonNull(type, "type");
    SortedMap<String, Object> normalised = AuditDetails.of(details);
    type.check(experimentId, round, siteId, normalised);
    return new AuditEvent(sequence, time, type, actor, experimentId, round, siteId, normalised);
  }

  /** The event as a map of normalised values, as encoded. */
  public SortedMap<String, Object> toMap() {
    SortedMap<String, Object> map = new TreeMap<>();
    map.put("actor", actor);
    map.put("details", details);
    if (experimentId != null) {
      map.put("experimentId", experimentId);
    }
    if (round != null) {
      map.put("round", (long) round);
    }
    map.put("sequence", sequence);
    if (siteId != null) {
      map.put("siteId", siteId);
    }
    map.put("time", AuditJson.time(time));
    map.put("type", type.name());
    return map;
  }

  /** The canonical encoding the chain hash covers. */
  public String canonical() {
    return AuditJson.encode(toMap());
  }

  /**
   * Reads an event from its JSON form, refusing unknown fields (they would escape the hash) and
   * fields of the wrong type.
   */
  public static AuditEvent fromJson(JsonNode node) {
    Records.requireOnly(node, FIELDS, "event");
    return new AuditEvent(
        Records.longField(node, "sequence", "event"),
        AuditJson.parseTime(Records.textField(node, "time", "event")),
        AuditEventType.parse(Records.textField(node, "type", "event")),
        Records.textField(node, "actor", "event"),
        Records.optionalText(node, "experimentId", "event"),
        Records.optionalInt(node, "round", "event"),
        Records.optionalText(node, "siteId", "event"),
        AuditDetails.fromJson(Records.field(node, "details", "event"), "event.details"));
  }

  private static String text(String value, String name, int maxLength) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.length() > maxLength || !value.equals(value.strip())) {
      throw new IllegalArgumentException(name + " must be 1-" + maxLength
          + " characters without surrounding spaces, found '" + value + "'");
    }
    return value;
  }
}
