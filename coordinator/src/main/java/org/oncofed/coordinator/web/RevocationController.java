package org.oncofed.coordinator.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.oncofed.api.RevocationListView;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.RevocationList;
import org.oncofed.coordinator.tls.RefusedLists;

/** {@code GET /api/revocation}: the revocation list in force, whether it is stale, and the last list refused. */
@Controller("/api/revocation")
@Tag(name = "sites")
@Secured({"researcher", "auditor", "admin"})
class RevocationController {

  private final ProjectPki pki;
  private final RefusedLists refusedLists;
  private final Clock clock;

  RevocationController(ProjectPki pki, RefusedLists refusedLists, Clock clock) {
    this.pki = pki;
    this.refusedLists = refusedLists;
    this.clock = clock;
  }

  @Get
  @Operation(operationId = "getRevocationList")
  RevocationListView show() {
    RevocationList list = pki.revocations();
    Instant now = clock.instant();
    var last = refusedLists.last();
    return new RevocationListView(list.number().toString(), list.thisUpdate(), list.nextUpdate(),
        list.revokedCount(), list.isStale(now), list.whenStale().text(), list.staleRefusal(now).isPresent(),
        last.map(RefusedLists.Last::reason).orElse(null), last.map(RefusedLists.Last::at).orElse(null));
  }
}
