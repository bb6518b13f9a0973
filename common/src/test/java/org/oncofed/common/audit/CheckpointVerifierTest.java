package org.oncofed.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.common.tls.PemFiles;

/** Only the project CA's coordinator certificate can sign a checkpoint an auditor accepts. */
class CheckpointVerifierTest {

  @TempDir static Path dir;
  private static DevPki pki;
  private static CheckpointVerifier verifier;

  @BeforeAll
  static void createPki() {
    pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    verifier = new CheckpointVerifier(PemFiles.readCertificate(pki.caCertificate()));
  }

  @Test
  void acceptsACheckpointSignedByTheCoordinator() throws Exception {
    SignedCheckpoint signed = new TestTrail(pki.coordinator()).checkpoint();

    assertThat(verifier.verify(signed).number()).isEqualTo(1);
  }

  @Test
  void refusesACoordinatorCertificateFromAnotherCa() {
    DevPki impostor = DevPki.init(dir.resolve("impostor"), List.of(), false);
    SignedCheckpoint signed = new TestTrail(impostor.coordinator()).checkpoint();

    assertThatThrownBy(() -> verifier.verify(signed))
        .isInstanceOfSatisfying(CheckpointRejectedException.class,
            e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNTRUSTED_SIGNER))
        .hasMessageContaining("certificate not issued by the project CA");
  }

  @Test
  void refusesTheOtherCaCertificateOfTheBadCredentials() {
    var bad = pki.writeBadCredentials();
    TestTrail trail = new TestTrail(pki.coordinator());
    SignedCheckpoint signed = trail.checkpoint(TestTrail.identity(bad.otherCa()));

    assertThatThrownBy(() -> verifier.verify(signed))
        .isInstanceOfSatisfying(CheckpointRejectedException.class,
            e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNTRUSTED_SIGNER))
        .hasMessageContaining("not issued by the project CA");
  }

  @Test
  void refusesACheckpointSignedByANodeCertificate() {
    var site = pki.addSite("rogue-site");
    SignedCheckpoint signed = new TestTrail(pki.coordinator()).checkpoint(TestTrail.identity(site));

    assertThatThrownBy(() -> verifier.verify(signed))
        .isInstanceOfSatisfying(CheckpointRejectedException.class,
            e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNTRUSTED_SIGNER))
        .hasMessageContaining("holds a node certificate; only the coordinator signs checkpoints");
  }

  @Test
  void refusesAPayloadChangedAfterSigning() {
    SignedCheckpoint signed = new TestTrail(pki.coordinator()).checkpoint();
    SignedCheckpoint altered = new SignedCheckpoint(signed.payload().replace("\"sequence\":0", "\"sequence\":9"),
        signed.signature(), signed.certificatePem());

    assertThatThrownBy(() -> verifier.verify(altered))
        .isInstanceOfSatisfying(CheckpointRejectedException.class,
            e -> assertThat(e.kind()).isEqualTo(ProblemKind.BAD_SIGNATURE))
        .hasMessageContaining("does not verify with the key of 'CN=coordinator");
  }

  @Test
  void travelsToNodesUnchanged() throws Exception {
    SignedCheckpoint signed = new TestTrail(pki.coordinator()).checkpoint();

    assertThat(SignedCheckpoint.fromProto(signed.toProto())).isEqualTo(signed);
    assertThat(verifier.verify(SignedCheckpoint.fromProto(signed.toProto()))).isEqualTo(signed.checkpoint());
  }
}
