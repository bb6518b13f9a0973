package org.oncofed.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.DevPki;
import org.oncofed.common.audit.ChainHash;
import org.oncofed.common.audit.Checkpoint;
import org.oncofed.common.audit.LedgerFile;
import org.oncofed.common.audit.SignedCheckpoint;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.common.tls.TlsIdentity;
import org.oncofed.proto.federation.v1.CoordinatorMessage;

/** Checkpoints from the coordinator are kept only when the project CA's coordinator signed them. */
class CheckpointReceiverTest {

  @Test
  void keepsTheCoordinatorsCheckpointsAndDropsForgedOnes(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    DevPki impostor = DevPki.init(dir.resolve("impostor"), List.of(), false);
    var site = pki.addSite("lakeside");
    ProjectPki keys = ProjectPki.load(site.certificate(), site.privateKey(), pki.caCertificate(), pki.crl(),
        Clock.systemUTC());
    NodeLedger ledger = new NodeLedger(dir.resolve("node"), keys, Clock.systemUTC());
    CheckpointReceiver receiver = new CheckpointReceiver(ledger, keys);

    CoordinatorMessage genuine = message(pki, 1);
    receiver.handle(genuine);
    receiver.handle(message(impostor, 2));
    receiver.handle(genuine);
    receiver.handle(CoordinatorMessage.newBuilder().build());

    var entries = LedgerFile.read(ledger.file(), "ledger", null).entries();
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).signedCheckpoint().checkpoint().number()).isEqualTo(1);
    assertThat(ledger.file()).isEqualTo(dir.resolve("node/ledger/ledger.jsonl"));
  }

  private static CoordinatorMessage message(DevPki pki, long number) {
    TlsIdentity coordinator = TlsIdentity.load(pki.coordinator().certificate(), pki.coordinator().privateKey(),
        Clock.systemUTC());
    Checkpoint checkpoint = new Checkpoint(number, 0, ChainHash.GENESIS, Instant.now(), "test");
    return CoordinatorMessage.newBuilder().setCheckpoint(SignedCheckpoint.sign(checkpoint, coordinator).toProto()).build();
  }
}
