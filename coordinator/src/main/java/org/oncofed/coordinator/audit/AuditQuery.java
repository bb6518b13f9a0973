package org.oncofed.coordinator.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;
import org.oncofed.common.audit.AuditEventType;

/**
 * Filters and a page of the audit trail; null filters match everything. Results come in sequence
 * order.
 *
 * @param types event types to include; empty for all
 * @param from events recorded at or after this time
 * @param to events recorded before this time
 * @param afterSequence cursor: only events after this sequence number
 * @param offset events to skip after the filters and cursor apply
 */
public record AuditQuery(
    @Nullable String experimentId,
    @Nullable Integer round,
    @Nullable String siteId,
    Set<AuditEventType> types,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable Long afterSequence,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    types = Set.copyOf(types);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new QueryParameterException("limit", "limit must be between 1 and " + MAX_LIMIT + ", found " + limit);
    }
    if (offset < 0) {
      throw new QueryParameterException("offset", "offset must not be negative, found " + offset);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new QueryParameterException("to", "from (" + from + ") must be before to (" + to + ")");
    }
  }
}
