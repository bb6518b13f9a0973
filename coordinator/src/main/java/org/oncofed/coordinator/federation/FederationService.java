package org.oncofed.coordinator.federation;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.EvaluationReceipt;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.FetchModelRequest;
import org.oncofed.proto.federation.v1.ModelChunk;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.UpdateChunk;
import org.oncofed.proto.federation.v1.Welcome;

/** The federation gRPC service: translates calls and delegates; the caller's identity comes from the context. */
final class FederationService extends FederationGrpc.FederationImplBase {

  private final ConnectedNodes nodes;
  private final Transfers transfers;
  private final Welcome welcome;
  private final Clock clock;
  private final CallRefusals refusals;

  FederationService(ConnectedNodes nodes, Transfers transfers, Welcome welcome, Clock clock, CallRefusals refusals) {
    this.nodes = nodes;
    this.transfers = transfers;
    this.welcome = welcome;
    this.clock = clock;
    this.refusals = refusals;
  }

  @Override
  public StreamObserver<NodeMessage> connect(StreamObserver<CoordinatorMessage> responses) {
    ControlStream stream = new ControlStream(
        NodeIdentity.current(), (ServerCallStreamObserver<CoordinatorMessage>) responses, nodes, welcome, clock,
        refusals);
    nodes.opened(stream);
    return stream;
  }

  @Override
  public void fetchModel(FetchModelRequest request, StreamObserver<ModelChunk> responses) {
    transfers.fetchModel(NodeIdentity.current(), request, responses);
  }

  @Override
  public StreamObserver<UpdateChunk> submitUpdate(StreamObserver<SubmitUpdateResponse> responses) {
    return transfers.submitUpdate(NodeIdentity.current(), responses);
  }

  @Override
  public void submitEvaluation(EvaluationReport report, StreamObserver<EvaluationReceipt> responses) {
    transfers.submitEvaluation(NodeIdentity.current(), report, responses);
  }
}
