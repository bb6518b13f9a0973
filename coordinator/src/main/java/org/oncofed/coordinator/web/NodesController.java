package org.oncofed.coordinator.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.oncofed.api.NodeView;
import org.oncofed.coordinator.nodes.SiteDirectory;

/** {@code GET /api/nodes}: known and connected hospital sites, for researchers, auditors and admins. */
@Controller("/api/nodes")
@Tag(name = "sites")
@Secured({"researcher", "auditor", "admin"})
@ExecuteOn(TaskExecutors.BLOCKING)
class NodesController {

  private final SiteDirectory sites;

  NodesController(SiteDirectory sites) {
    this.sites = sites;
  }

  /** Known sites with their connection state, last heartbeat, backend and registered datasets. */
  @Get
  @Operation(operationId = "listNodes")
  List<NodeView> list() {
    return sites.list();
  }
}
