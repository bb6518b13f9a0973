package org.oncofed.node.link;

import jakarta.inject.Singleton;
import org.oncofed.proto.federation.v1.NodeState;

/** What the node is doing right now, reported in heartbeats and by {@code node status}. */
@Singleton
public class NodeActivity {

  /** @param taskId the task being worked on, empty when idle */
  public record Snapshot(NodeState state, String taskId, String detail) {}

  private volatile Snapshot current = new Snapshot(NodeState.NODE_STATE_IDLE, "", "");

  public Snapshot current() {
    return current;
  }

  public void working(NodeState state, String taskId, String detail) {
    current = new Snapshot(state, taskId, detail);
  }

  public void idle() {
    current = new Snapshot(NodeState.NODE_STATE_IDLE, "", "");
  }
}
