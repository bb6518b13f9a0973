package org.oncofed.coordinator.federation;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.oncofed.common.cli.Failures;
import org.oncofed.coordinator.store.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a call whose handling failed because the database is unreachable with {@code UNAVAILABLE}
 * and a plain description, so that the node knows to try again, rather than with an unexplained
 * {@code UNKNOWN}. Other failures pass through untouched.
 */
final class StoreOutageInterceptor implements ServerInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(StoreOutageInterceptor.class);

  /** What the node is told. */
  static final Status UNAVAILABLE = Status.UNAVAILABLE.withDescription(
      "the coordinator's database is unavailable; try again shortly");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      @Override
      public void onMessage(Q message) {
        guard(() -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        guard(super::onHalfClose);
      }

      @Override
      public void onReady() {
        guard(super::onReady);
      }

      private void guard(Runnable delivery) {
        try {
          delivery.run();
        } catch (RuntimeException e) {
          if (!StoreOutage.causedBy(e)) {
            throw e;
          }
          LOG.warn("{} ended UNAVAILABLE: the database is unavailable ({})", call.getMethodDescriptor().getFullMethodName(),
              Failures.rootMessage(e));
          call.close(UNAVAILABLE, new Metadata());
        }
      }
    };
  }
}
