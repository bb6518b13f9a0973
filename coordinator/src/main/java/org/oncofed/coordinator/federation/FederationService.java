package org.oncofed.coordinator.federation;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.Welcome;

/** The federation gRPC service: translates calls and delegates; the caller's identity comes from the context. */
final class FederationService extends FederationGrpc.FederationImplBase {

  private final ConnectedNodes nodes;
  private final Welcome welcome;
  private final Clock clock;

  FederationService(ConnectedNodes nodes, Welcome welcome, Clock clock) {
    this.nodes = nodes;
    this.welcome = welcome;
    this.clock = clock;
  }

  @Override
  public StreamObserver<NodeMessage> connect(StreamObserver<CoordinatorMessage> responses) {
    ControlStream stream = new ControlStream(
        NodeIdentity.current(), (ServerCallStreamObserver<CoordinatorMessage>) responses, nodes, welcome, clock);
    nodes.opened(stream);
    return stream;
  }
}
