package org.oncofed.coordinator.nodes;

import java.time.Instant;
import org.oncofed.common.SiteId;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.SplitCounts;
import org.oncofed.proto.federation.v1.NodeState;

/**
 * A snapshot of one node's live control stream.
 *
 * @param certificateSerial serial of the certificate the node connected with, upper-case hex
 * @param hello what the node said about itself when it connected
 */
public record ConnectedNode(
    SiteId site,
    String certificateSerial,
    Hello hello,
    Instant connectedAt,
    Instant lastHeartbeat,
    NodeState state,
    String currentTask) {

  /**
   * Slices the site registered in a split, from its Hello; 0 when it announced no dataset.
   * {@code DATA_SPLIT_UNSPECIFIED} means the training split.
   */
  public long registeredSlices(DataSplit split) {
    if (!hello.hasDataset()) {
      return 0;
    }
    SplitCounts counts = switch (split) {
      case DATA_SPLIT_VALIDATION -> hello.getDataset().getValidation();
      case DATA_SPLIT_TEST -> hello.getDataset().getTest();
      default -> hello.getDataset().getTrain();
    };
    return counts.getPerClassList().stream().mapToLong(Long::longValue).sum();
  }
}
