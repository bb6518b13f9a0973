package org.oncofed.node.status;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.node.account.PrivacyAccount;
import org.oncofed.node.link.CoordinatorLink;
import org.oncofed.node.link.NodeActivity;
import org.oncofed.proto.federation.v1.PrivacySpent;

/**
 * The node's local status API, served on loopback only for {@code node status} and local tools.
 * It carries no patient data: connection state, current activity, the compute backend and the
 * privacy account of the training data.
 */
@Controller("/api/status")
class StatusController {

  private final CoordinatorLink link;
  private final NodeActivity activity;
  private final RuntimeEnvironment backend;
  private final PrivacyAccount account;

  StatusController(CoordinatorLink link, NodeActivity activity, RuntimeEnvironment backend, PrivacyAccount account) {
    this.link = link;
    this.activity = activity;
    this.backend = backend;
    this.account = account;
  }

  @Get
  NodeStatus status() {
    NodeActivity.Snapshot now = activity.current();
    return new NodeStatus(link.status(), now.state().name().replace("NODE_STATE_", "").toLowerCase(java.util.Locale.ROOT),
        now.taskId().isEmpty() ? null : now.taskId(), now.detail().isEmpty() ? null : now.detail(),
        backend.backend(), backend.device(), privacy(account.spent()));
  }

  private static NodeStatus.Privacy privacy(PrivacySpent spent) {
    return new NodeStatus.Privacy(PrivacyAccount.text(spent.getEpsilon()), spent.getDelta(), spent.getMaxEpsilon());
  }
}
