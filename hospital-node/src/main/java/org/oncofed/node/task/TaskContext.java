package org.oncofed.node.task;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.node.account.PrivacyAccount;
import org.oncofed.node.approval.PlanApprovals;
import org.oncofed.node.explain.SiteExplanations;
import org.oncofed.node.ledger.NodeLedger;
import org.oncofed.node.link.CoordinatorLink;
import org.oncofed.node.link.NodeActivity;
import org.oncofed.node.localdata.LocalData;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.TaskProgress;

/** What the node's tasks need: the link to the coordinator, local data, the ledger, status, policy and approvals, explanations. */
@Singleton
record TaskContext(
    CoordinatorLink link,
    LocalData data,
    NodeLedger ledger,
    NodeActivity activity,
    NodePolicy policy,
    PlanApprovals approvals,
    PrivacyAccount account,
    SiteExplanations explanations,
    RuntimeEnvironment runtime,
    Clock clock) {

  ModelCatalogue catalogue() {
    return ModelCatalogue.standard();
  }

  void reportProgress(TaskProgress progress) {
    link.send(NodeMessage.newBuilder().setProgress(progress).build());
  }
}
