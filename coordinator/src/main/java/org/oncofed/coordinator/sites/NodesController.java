package org.oncofed.coordinator.sites;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.List;

/** {@code GET /api/nodes}: known and connected hospital sites, for researchers, auditors and admins. */
@Controller("/api/nodes")
@Secured({"researcher", "auditor", "admin"})
@ExecuteOn(TaskExecutors.BLOCKING)
class NodesController {

  private final SiteDirectory sites;

  NodesController(SiteDirectory sites) {
    this.sites = sites;
  }

  @Get
  List<NodeView> list() {
    return sites.list();
  }
}
