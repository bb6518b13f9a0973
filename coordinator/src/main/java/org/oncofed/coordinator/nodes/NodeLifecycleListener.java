package org.oncofed.coordinator.nodes;

import org.oncofed.common.SiteId;
import org.oncofed.proto.federation.v1.Heartbeat;
import org.oncofed.proto.federation.v1.NodeMessage;

/**
 * Told when nodes connect and disconnect and when they report on tasks. Every bean implementing it
 * is called, in no particular order, on the thread that received the message: keep work short.
 */
public interface NodeLifecycleListener {

  default void onConnected(ConnectedNode node) {}

  default void onDisconnected(ConnectedNode node, String reason) {}

  /** Progress, declined or failed messages about a task, after the node's hello. */
  default void onTaskMessage(SiteId site, NodeMessage message) {}

  /** A heartbeat: what the node says it is doing. */
  default void onHeartbeat(SiteId site, Heartbeat heartbeat) {}
}
