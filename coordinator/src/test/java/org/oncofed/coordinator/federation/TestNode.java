package org.oncofed.coordinator.federation;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.Heartbeat;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.NodeState;

/** A bare control-stream client for tests: sends what the test says and records what comes back. */
public final class TestNode implements StreamObserver<CoordinatorMessage>, AutoCloseable {

  public final BlockingQueue<CoordinatorMessage> received = new LinkedBlockingQueue<>();
  public final CompletableFuture<Status> ended = new CompletableFuture<>();
  private final StreamObserver<NodeMessage> out;

  public TestNode(ManagedChannel channel) {
    this.out = FederationGrpc.newStub(channel).connect(this);
  }

  public TestNode hello(String claimedSite) {
    return hello(Hello.newBuilder().setSiteId(claimedSite).setSoftwareVersion("test").setBackend("cpu").setDevice("test")
        .build());
  }

  public TestNode hello(Hello hello) {
    out.onNext(NodeMessage.newBuilder().setHello(hello).build());
    return this;
  }

  /** Sends any control message, for tests that play a node's part in rounds. */
  public void send(NodeMessage message) {
    out.onNext(message);
  }

  public void heartbeat() {
    out.onNext(NodeMessage.newBuilder()
        .setHeartbeat(Heartbeat.newBuilder().setState(NodeState.NODE_STATE_IDLE).setSentAtMs(System.currentTimeMillis()))
        .build());
  }

  /** A heartbeat saying the node is training {@code taskId}. */
  public void heartbeat(String taskId) {
    out.onNext(NodeMessage.newBuilder()
        .setHeartbeat(Heartbeat.newBuilder().setState(NodeState.NODE_STATE_TRAINING).setTaskId(taskId)
            .setSentAtMs(System.currentTimeMillis()))
        .build());
  }

  public CoordinatorMessage next(Duration timeout) throws InterruptedException {
    CoordinatorMessage message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("no message from the coordinator within " + timeout
          + (ended.isDone() ? "; stream ended with " + ended.join() : ""));
    }
    return message;
  }

  public Status endStatus(Duration timeout) throws Exception {
    return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void onNext(CoordinatorMessage message) {
    received.add(message);
  }

  @Override
  public void onError(Throwable error) {
    ended.complete(Status.fromThrowable(error));
  }

  @Override
  public void onCompleted() {
    ended.complete(Status.OK);
  }

  @Override
  public void close() {
    if (!ended.isDone()) {
      out.onCompleted();
    }
  }
}
