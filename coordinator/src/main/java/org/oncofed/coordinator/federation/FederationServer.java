package org.oncofed.coordinator.federation;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.oncofed.common.tls.GrpcTls;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.tls.RefusedConnectionLog;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the gRPC server hospital nodes dial into: mutual TLS 1.3, the federation service
 * behind the node identity interceptor, and the standard gRPC health service.
 */
@Context
public class FederationServer {

  private static final Logger LOG = LoggerFactory.getLogger(FederationServer.class);
  static final String VERSION = FederationServer.class.getPackage().getImplementationVersion() == null
      ? "dev" : FederationServer.class.getPackage().getImplementationVersion();

  private final Server server;
  private final HealthStatusManager health = new HealthStatusManager();
  private final ConnectedNodes nodes;
  private final AtomicBoolean stopped = new AtomicBoolean();

  FederationServer(
      FederationConfiguration configuration,
      ProjectPki pki,
      RefusedConnectionLog refusals,
      ConnectedNodes nodes,
      Transfers transfers,
      CallRefusals callRefusals,
      Clock clock) {
    Welcome welcome = Welcome.newBuilder()
        .setHeartbeatIntervalMs(configuration.heartbeatInterval().toMillis())
        .setChunkSizeBytes(configuration.chunkSize())
        .setCoordinatorVersion(VERSION)
        .build();
    this.nodes = nodes;
    FederationService service = new FederationService(nodes, transfers, welcome, clock, callRefusals);
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress(configuration.host(), configuration.port()))
        .sslContext(GrpcTls.serverContext(pki.identity(), pki.trustManager(refusals)))
        .maxInboundMessageSize(configuration.maxInboundMessageSize())
        .maxConcurrentCallsPerConnection(configuration.maxConcurrentCallsPerConnection())
        .keepAliveTime(configuration.keepaliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(configuration.keepaliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveTime(configuration.permitKeepaliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveWithoutCalls(true)
        .maxRstFramesPerWindow(configuration.maxRstFramesPerWindow(), 10)
        .addService(ServerInterceptors.intercept(service, new StoreOutageInterceptor(),
            new NodeIdentityInterceptor(pki.verifier(), callRefusals)))
        .addService(health.getHealthService())
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the federation server on "
          + configuration.host() + ":" + configuration.port() + ": " + e.getMessage(), e);
    }
    health.setStatus(FederationGrpc.SERVICE_NAME, ServingStatus.SERVING);
    health.setStatus("", ServingStatus.SERVING);
    LOG.info("Federation service listening on {}:{} (mTLS, TLS 1.3)", configuration.host(), port());
  }

  /** The port actually bound (useful when configured with 0). */
  public int port() {
    return server.getPort();
  }

  /**
   * Stops on the shutdown event, before beans are destroyed, so that disconnections can still be
   * recorded in the database; {@link PreDestroy} covers contexts closed without that event.
   */
  @EventListener
  void onShutdown(ShutdownEvent event) throws InterruptedException {
    stop();
  }

  @PreDestroy
  void stop() throws InterruptedException {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    health.enterTerminalState();
    server.shutdown();
    nodes.closeAll(Status.UNAVAILABLE.withDescription("coordinator shutting down"));
    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
      server.shutdownNow();
      server.awaitTermination(5, TimeUnit.SECONDS);
    }
    LOG.info("Federation service stopped");
  }
}
