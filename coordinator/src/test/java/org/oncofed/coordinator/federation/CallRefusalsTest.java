package org.oncofed.coordinator.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.tls.PemFiles;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.TrailEvents;
import org.oncofed.proto.federation.v1.FederationGrpc;
import org.oncofed.proto.federation.v1.FetchModelRequest;

/**
 * Every federation call refused after a real mutual-TLS handshake is in the audit trail with the
 * certificate holder as actor: a role other than node, a Hello claiming another site, a model the
 * site has no task for, a control stream that does not start with a Hello.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallRefusalsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CONNECT = FederationGrpc.getConnectMethod().getFullMethodName();

  private DevPki pki;
  private RunningCoordinator coordinator;
  private TrailEvents trail;

  @BeforeAll
  void startCoordinator(@TempDir Path dir) {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
    trail = new TrailEvents(coordinator, pki.addUser("audrey", Role.AUDITOR));
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  @Test
  void aResearcherCertificateOnTheFederationServiceIsRecorded() throws Exception {
    Credential rita = pki.addUser("rita", Role.RESEARCHER);
    ManagedChannel channel = coordinator.channel(rita);
    try (TestNode node = new TestNode(channel).hello("rita")) {
      assertThat(node.endStatus(WAIT).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    } finally {
      RunningCoordinator.shutdown(channel);
    }

    JsonNode event = trail.await("CALL_REFUSED", e -> e.path("actor").asText().equals("rita"));
    assertThat(event.path("details").path("method").asText()).isEqualTo(CONNECT);
    assertThat(event.path("details").path("status").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(event.path("details").path("role").asText()).isEqualTo("researcher");
    assertThat(event.path("details").path("certificateSerial").asText()).isEqualTo(serial(rita));
    assertThat(event.path("details").path("reason").asText()).contains("for hospital nodes");
    assertThat(event.hasNonNull("siteId")).isFalse();
  }

  @Test
  void aHelloClaimingAnotherSiteIsRecordedUnderTheCertifiedSite() throws Exception {
    Credential haukeland = pki.addSite("haukeland");
    ManagedChannel channel = coordinator.channel(haukeland);
    try (TestNode node = new TestNode(channel).hello("st-olav")) {
      assertThat(node.endStatus(WAIT).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    } finally {
      RunningCoordinator.shutdown(channel);
    }

    JsonNode event = trail.await("SITE_CLAIM_REFUSED", e -> e.path("siteId").asText().equals("haukeland"));
    assertThat(event.path("actor").asText()).isEqualTo("haukeland");
    assertThat(event.path("details").path("claimedSite").asText()).isEqualTo("st-olav");
    assertThat(event.path("details").path("certificateSerial").asText()).isEqualTo(serial(haukeland));
    assertThat(event.path("details").path("reason").asText())
        .isEqualTo("Hello claims site 'st-olav' but the client certificate is for site 'haukeland'");
  }

  @Test
  void aModelFetchWithoutATaskIsRecorded() throws Exception {
    Credential north = pki.addSite("north");
    ManagedChannel channel = coordinator.channel(north);
    try {
      var chunks = FederationGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .fetchModel(FetchModelRequest.newBuilder().setTaskId("no-such-task").setSha256("0".repeat(64)).build());
      assertThatThrownBy(chunks::hasNext).isInstanceOfSatisfying(StatusRuntimeException.class,
          e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    } finally {
      RunningCoordinator.shutdown(channel);
    }

    JsonNode event = trail.await("CALL_REFUSED", e -> e.path("siteId").asText().equals("north"));
    assertThat(event.path("actor").asText()).isEqualTo("north");
    assertThat(event.path("details").path("method").asText())
        .isEqualTo(FederationGrpc.getFetchModelMethod().getFullMethodName());
    assertThat(event.path("details").path("status").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(event.path("details").path("taskId").asText()).isEqualTo("no-such-task");
  }

  @Test
  void aControlStreamThatDoesNotOpenWithAHelloIsRecorded() throws Exception {
    Credential south = pki.addSite("south");
    ManagedChannel channel = coordinator.channel(south);
    try (TestNode node = new TestNode(channel)) {
      node.heartbeat();
      assertThat(node.endStatus(WAIT).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    } finally {
      RunningCoordinator.shutdown(channel);
    }

    JsonNode event = trail.await("CALL_REFUSED", e -> e.path("siteId").asText().equals("south"));
    assertThat(event.path("details").path("method").asText()).isEqualTo(CONNECT);
    assertThat(event.path("details").path("status").asText()).isEqualTo("FAILED_PRECONDITION");
    assertThat(event.path("details").path("reason").asText())
        .isEqualTo("the first message on the control stream must be a Hello");
  }

  private static String serial(Credential credential) {
    return PemFiles.readCertificate(credential.certificate()).getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
  }
}
