package org.oncofed.node.link;

import org.oncofed.proto.federation.v1.CoordinatorMessage;

/** Receives what the coordinator sends on the control stream after Welcome: tasks, cancellations, checkpoints. */
public interface CoordinatorMessageHandler {

  /** Called on the gRPC thread that received the message: hand long work to another thread. */
  void handle(CoordinatorMessage message);

  /** The control stream ended; tasks in flight cannot report back until the node reconnects. */
  default void onDisconnected() {}
}
