package org.oncofed.coordinator.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.AuditJson;
import org.oncofed.coordinator.audit.AuditExporter;
import org.oncofed.coordinator.audit.AuditQuery;
import org.oncofed.coordinator.audit.QueryParameterException;
import org.oncofed.coordinator.audit.AuditRepository;
import org.oncofed.coordinator.audit.StoredTrailVerifier;
import org.oncofed.coordinator.web.AuditViews.CheckpointView;
import org.oncofed.coordinator.web.AuditViews.EventPage;
import org.oncofed.coordinator.web.AuditViews.EventView;
import org.oncofed.coordinator.web.AuditViews.VerificationView;

/**
 * The auditor API, {@code /api/audit}: read-only, for certificates with the auditor role. The
 * export is the one call that writes anything: it signs a checkpoint to seal what it exports,
 * which adds a signature and never changes an event.
 */
@Controller("/api/audit")
@Secured("auditor")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

  static final String JSON_LINES = "application/x-ndjson";

  private final AuditRepository repository;
  private final AuditExporter exporter;
  private final StoredTrailVerifier verifier;

  AuditController(AuditRepository repository, AuditExporter exporter, StoredTrailVerifier verifier) {
    this.repository = repository;
    this.exporter = exporter;
    this.verifier = verifier;
  }

  /**
   * Events matching all given filters, in sequence order.
   *
   * @param type event types, repeated or comma-separated
   * @param from ISO-8601 instant, inclusive; {@code to} is exclusive
   * @param after cursor: events after this sequence number (use the previous page's nextAfter)
   */
  @Get("/events")
  EventPage events(@Nullable @QueryValue String experiment, @Nullable @QueryValue Integer round,
      @Nullable @QueryValue String site, @Nullable @QueryValue List<String> type, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to, @Nullable @QueryValue Long after,
      @QueryValue(defaultValue = "0") int offset, @QueryValue(defaultValue = "100") int limit) {
    AuditQuery query;
    try {
      query = new AuditQuery(experiment, round, site, types(type), instant(from, "from"), instant(to, "to"), after,
          offset, limit);
    } catch (QueryParameterException e) {
      throw new BadRequestException(e.parameter(), e.getMessage());
    }
    List<EventView> events = repository.search(query).stream().map(EventView::of).toList();
    Long nextAfter = events.size() == limit ? events.get(events.size() - 1).sequence() : null;
    return new EventPage(events, nextAfter);
  }

  @Get("/checkpoints")
  List<CheckpointView> checkpoints() {
    return repository.checkpoints(Long.MAX_VALUE).stream().map(CheckpointView::of).toList();
  }

  /** The whole trail as JSON Lines with its signed checkpoints, sealed by a checkpoint signed now. */
  @Get(value = "/export", produces = JSON_LINES)
  StreamedFile export() {
    String name = "oncofed-audit-" + AuditJson.time(Instant.now()).replace(":", "") + ".jsonl";
    return new StreamedFile(exporter.open(), MediaType.of(JSON_LINES)).attach(name);
  }

  /** The coordinator's verification of the trail as its database holds it. */
  @Get("/verify")
  VerificationView verify() {
    return VerificationView.of(verifier.verify());
  }

  private static Set<AuditEventType> types(@Nullable List<String> names) {
    Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
    if (names != null) {
      for (String name : names) {
        for (String part : name.split(",")) {
          if (!part.isBlank()) {
            types.add(type(part.strip()));
          }
        }
      }
    }
    return types;
  }

  private static AuditEventType type(String name) {
    try {
      return AuditEventType.parse(name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("type", JsonValues.printable(e.getMessage()));
    }
  }

  private static @Nullable Instant instant(@Nullable String text, String name) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name, "expected an ISO-8601 instant such as 2025-03-01T09:30:00Z, found "
          + JsonValues.quoted(text));
    }
  }
}
