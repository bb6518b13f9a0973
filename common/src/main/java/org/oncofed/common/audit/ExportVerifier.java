package org.oncofed.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Verifies an audit export ({@link AuditExport}) offline, trusting only the project CA: every
 * line is read, every hash recomputed and every checkpoint signature checked; the first bad record
 * is named by line number and sequence.
 */
public final class ExportVerifier {

  /** Told about each record that checked out, in order; used to cross-check site ledgers. */
  public interface Listener {
    default void event(AuditEntry entry) {}

    default void checkpoint(Checkpoint checkpoint, SignedCheckpoint signed) {}

    Listener NONE = new Listener() {};
  }

  private final CheckpointVerifier checkpoints;

  public ExportVerifier(X509Certificate ca) {
    this.checkpoints = new CheckpointVerifier(Objects.requireNonNull(ca, "ca"));
  }

  public AuditVerdict verify(Path export) throws IOException {
    return verify(export, Listener.NONE);
  }

  public AuditVerdict verify(Path export, Listener listener) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
      return verify(reader, listener);
    }
  }

  public AuditVerdict verify(BufferedReader reader, Listener listener) throws IOException {
    ChainVerifier chain = new ChainVerifier(checkpoints);
    AuditExport.Header header = null;
    long lineNumber = 0;
    long eventLines = 0;
    long checkpointLines = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      String location = "line " + lineNumber;
      try {
        JsonNode node = AuditJson.parse(line);
        String kind = Records.textField(node, "kind", "line");
        if (lineNumber == 1) {
          if (!"header".equals(kind)) {
            throw new IllegalArgumentException("the first line must be the export header, found a '" + kind + "' line");
          }
          header = AuditExport.Header.fromJson(node);
          continue;
        }
        switch (kind) {
          case "event" -> {
            eventLines++;
            AuditEntry entry = AuditExport.eventFromJson(node);
            if (chain.record(location, entry.sequence(), entry.event().canonical(), entry.hash())) {
              listener.event(entry);
            }
          }
          case "checkpoint" -> {
            checkpointLines++;
            SignedCheckpoint signed = AuditExport.checkpointFromJson(node);
            Checkpoint verified = chain.checkpoint(location, signed);
            if (verified != null) {
              listener.checkpoint(verified, signed);
            }
          }
          default -> throw new IllegalArgumentException("unknown line kind '" + kind + "' (expected event or checkpoint)");
        }
      } catch (IllegalArgumentException e) {
        chain.malformed(location, e.getMessage());
      }
    }
    if (header == null) {
      chain.malformed("line 1", "the export is empty");
    }
    AuditVerdict verdict = chain.finish("the end of the export (line " + lineNumber + ")", true);
    if (verdict.valid() && (header.events() != eventLines || header.checkpoints() != checkpointLines)) {
      boolean fewer = eventLines < header.events() || checkpointLines < header.checkpoints();
      return verdict.withProblem(new AuditProblem(fewer ? ProblemKind.TRUNCATED : ProblemKind.INSERTED,
          "line 1", null, "the header announces " + header.events() + " events and " + header.checkpoints()
              + " checkpoints but the export holds " + eventLines + " and " + checkpointLines));
    }
    return verdict;
  }
}
