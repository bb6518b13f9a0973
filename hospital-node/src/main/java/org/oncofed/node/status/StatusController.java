package org.oncofed.node.status;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.node.link.CoordinatorLink;
import org.oncofed.node.link.NodeActivity;

/**
 * The node's local status API, served on loopback only for {@code node status} and local tools.
 * It carries no patient data: connection state, current activity and the compute backend.
 */
@Controller("/api/status")
class StatusController {

  private final CoordinatorLink link;
  private final NodeActivity activity;
  private final RuntimeEnvironment backend;

  StatusController(CoordinatorLink link, NodeActivity activity, RuntimeEnvironment backend) {
    this.link = link;
    this.activity = activity;
    this.backend = backend;
  }

  @Get
  NodeStatus status() {
    NodeActivity.Snapshot now = activity.current();
    return new NodeStatus(link.status(), now.state().name().replace("NODE_STATE_", "").toLowerCase(java.util.Locale.ROOT),
        now.taskId().isEmpty() ? null : now.taskId(), now.detail().isEmpty() ? null : now.detail(),
        backend.backend(), backend.device());
  }
}
