package org.oncofed.common.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oncofed.certs.Credential;
import org.oncofed.common.tls.TlsIdentity;

/**
 * Builds a trail and a site ledger in memory, as the coordinator and a node would, and writes them
 * in their file formats. Times advance a second per record from now, so certificates are valid.
 */
final class TestTrail {

  private final TlsIdentity signer;
  private final List<Object> records = new ArrayList<>();
  private final List<AuditEntry> entries = new ArrayList<>();
  private Instant clock = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private long checkpoints;

  TestTrail(Credential coordinator) {
    this.signer = identity(coordinator);
  }

  static TlsIdentity identity(Credential credential) {
    return TlsIdentity.load(credential.certificate(), credential.privateKey(), Clock.systemUTC());
  }

  Instant tick() {
    clock = clock.plusSeconds(1);
    return clock;
  }

  AuditEntry event(AuditEventType type, String experimentId, Integer round, String site, Map<String, ?> details) {
    AuditEvent event = AuditEvent.create(entries.size() + 1, tick(), type, AuditEvent.SYSTEM, experimentId, round, site,
        details);
    AuditEntry entry = AuditEntry.link(entries.isEmpty() ? ChainHash.GENESIS : entries.get(entries.size() - 1).hash(),
        event);
    entries.add(entry);
    records.add(entry);
    return entry;
  }

  SignedCheckpoint checkpoint() {
    return checkpoint(signer);
  }

  /** A checkpoint of the current head signed by whoever holds {@code key}. */
  SignedCheckpoint checkpoint(TlsIdentity key) {
    String head = entries.isEmpty() ? ChainHash.GENESIS : entries.get(entries.size() - 1).hash();
    SignedCheckpoint signed = SignedCheckpoint.sign(new Checkpoint(++checkpoints, entries.size(), head, tick(), "test"), key);
    records.add(signed);
    return signed;
  }

  List<String> exportLines() {
    List<String> lines = new ArrayList<>();
    lines.add(new AuditExport.Header(clock, "CN=coordinator", entries.size(), checkpoints).line());
    for (Object record : records) {
      lines.add(record instanceof AuditEntry entry
          ? AuditExport.eventLine(entry) : AuditExport.checkpointLine((SignedCheckpoint) record));
    }
    return lines;
  }

  Path writeExport(Path file) throws IOException {
    return Files.write(file, exportLines());
  }

  /** A site's ledger: entries chained as the node writes them. */
  final class Ledger {

    private final String site;
    private final List<String> lines = new ArrayList<>();
    private String head = ChainHash.GENESIS;
    private long sequence;

    Ledger(String site) {
      this.site = site;
      lines.add(LedgerFile.headerLine(site, clock));
    }

    Ledger update(String taskId, String updateSha256, long sampleCount) {
      return add(LedgerEntryType.UPDATE_SENT, taskId, Map.of("updateSha256", updateSha256, "sizeBytes", 4096,
          "sampleCount", sampleCount, "privacy", Map.of("clipNorm", 1.0, "noiseMultiplier", 0.0, "secureAggregation", false)));
    }

    Ledger answered(String taskId, boolean accepted) {
      return add(LedgerEntryType.ANSWER_RECEIVED, taskId,
          accepted ? Map.of("accepted", true) : Map.of("accepted", false, "reason", "refused"));
    }

    Ledger received(SignedCheckpoint checkpoint) {
      return add(LedgerEntryType.CHECKPOINT_RECEIVED, null, LedgerEntry.checkpointDetails(checkpoint));
    }

    private Ledger add(LedgerEntryType type, String taskId, Map<String, ?> details) {
      LedgerEntry entry = LedgerEntry.create(++sequence, tick(), type, site, taskId == null ? null : "exp-1",
          taskId == null ? null : 1, taskId, details);
      head = ChainHash.next(head, entry.canonical());
      lines.add(LedgerFile.entryLine(entry, head));
      return this;
    }

    Path write(Path file) throws IOException {
      return Files.write(file, lines);
    }
  }
}
