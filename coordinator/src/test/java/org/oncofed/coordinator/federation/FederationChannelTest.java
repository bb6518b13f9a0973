package org.oncofed.coordinator.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.BadCredentials;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.tls.GrpcTls;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.proto.federation.v1.CoordinatorMessage;

/** The federation channel admits hospital nodes with valid certificates and refuses everything else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationChannelTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private DevPki pki;
  private BadCredentials bad;
  private Credential researcher;
  private RunningCoordinator coordinator;

  @BeforeAll
  void startCoordinator(@TempDir Path dir) {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    bad = pki.writeBadCredentials();
    researcher = pki.addUser("rita", Role.RESEARCHER);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  @Test
  void nodeWithValidCertificateConnectsAndIsListedByTheNodesApi() throws Exception {
    Credential site = pki.addSite("st-olav");
    ManagedChannel channel = coordinator.channel(site);
    try (TestNode node = new TestNode(channel).hello("st-olav")) {
      CoordinatorMessage welcome = node.next(WAIT);

      assertThat(welcome.hasWelcome()).isTrue();
      assertThat(welcome.getWelcome().getSiteId()).isEqualTo("st-olav");
      assertThat(welcome.getWelcome().getHeartbeatIntervalMs()).isPositive();
      assertThat(welcome.getWelcome().getChunkSizeBytes()).isPositive();
      var listing = coordinator.get(researcher, "/api/nodes");
      assertThat(listing.statusCode()).isEqualTo(200);
      assertThat(listing.body()).contains("\"siteId\":\"st-olav\"", "\"connected\":true");
    } finally {
      RunningCoordinator.shutdown(channel);
    }
  }

  @Test
  void nodeCannotAppearAsAnotherSite() throws Exception {
    Credential site = pki.addSite("haukeland");
    ManagedChannel channel = coordinator.channel(site);
    try (TestNode node = new TestNode(channel).hello("st-olav-impostor")) {
      Status status = node.endStatus(WAIT);

      assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(status.getDescription()).contains("certificate is for site 'haukeland'");
      assertThat(node.received).isEmpty();
      assertThat(coordinator.get(researcher, "/api/nodes").body()).doesNotContain("st-olav-impostor");
    } finally {
      RunningCoordinator.shutdown(channel);
    }
  }

  @Test
  void refusesResearcherCertificateOnTheFederationService() throws Exception {
    ManagedChannel channel = coordinator.channel(researcher);
    try (TestNode node = new TestNode(channel).hello("rita")) {
      Status status = node.endStatus(WAIT);

      assertThat(status.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(status.getDescription()).contains("for hospital nodes");
      assertThat(coordinator.get(researcher, "/api/nodes").body()).doesNotContain("\"siteId\":\"rita\"");
    } finally {
      RunningCoordinator.shutdown(channel);
    }
  }

  @Test
  void refusesClientWithoutCertificate() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", coordinator.grpcPort())
        .sslContext(GrpcSslContexts.configure(io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder.forClient(), SslProvider.JDK)
            .protocols(GrpcTls.PROTOCOL)
            .trustManager(coordinator.trustManager())
            .build())
        .build();
    assertRefusedAtHandshake(channel, "anonymous");
  }

  @Test
  void refusesCertificateFromAnotherCa() throws Exception {
    assertRefusedAtHandshake(coordinator.channel(bad.otherCa()), "other-ca-site");
  }

  @Test
  void refusesSelfSignedCertificate() throws Exception {
    assertRefusedAtHandshake(coordinator.channel(bad.selfSigned()), "self-signed-site");
  }

  @Test
  void refusesExpiredCertificate() throws Exception {
    assertRefusedAtHandshake(coordinator.channel(bad.expired()), "expired-site");
  }

  @Test
  void healthServiceAnswersAnyHolderOfAProjectCertificate() throws Exception {
    ManagedChannel channel = coordinator.channel(researcher);
    try {
      HealthCheckResponse response = HealthGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
          .check(HealthCheckRequest.newBuilder().setService("oncofed.federation.v1.Federation").build());

      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    } finally {
      RunningCoordinator.shutdown(channel);
    }
  }

  @Test
  void refusesPlaintextConnection() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", coordinator.grpcPort()).usePlaintext().build();
    assertRefusedAtHandshake(channel, "plaintext-site");
  }

  private void assertRefusedAtHandshake(ManagedChannel channel, String claimedSite) throws Exception {
    try (TestNode node = new TestNode(channel)) {
      node.hello(claimedSite);
      Status status = node.endStatus(WAIT);

      assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(node.received).isEmpty();
      assertThat(coordinator.get(researcher, "/api/nodes").body()).doesNotContain(claimedSite);
    } finally {
      RunningCoordinator.shutdown(channel);
    }
  }
}
