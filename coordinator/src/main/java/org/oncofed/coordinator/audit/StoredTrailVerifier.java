package org.oncofed.coordinator.audit;

import jakarta.inject.Singleton;
import java.util.List;
import org.oncofed.common.audit.AuditEntry;
import org.oncofed.common.audit.AuditVerdict;
import org.oncofed.common.audit.ChainVerifier;
import org.oncofed.common.audit.CheckpointVerifier;
import org.oncofed.common.tls.ProjectPki;

/**
 * Verifies the trail as the database holds it, with the same rules as an export: rows in storage
 * order, each checkpoint placed after the last event it signs. Events after the last checkpoint
 * are allowed here (they will be covered by the next one) and counted in the verdict.
 */
@Singleton
public class StoredTrailVerifier {

  private static final int PAGE = 1000;

  private final AuditRepository repository;
  private final ProjectPki pki;

  StoredTrailVerifier(AuditRepository repository, ProjectPki pki) {
    this.repository = repository;
    this.pki = pki;
  }

  public AuditVerdict verify() {
    ChainVerifier chain = new ChainVerifier(new CheckpointVerifier(pki.ca()));
    List<StoredCheckpoint> checkpoints = repository.checkpoints(Long.MAX_VALUE);
    int nextCheckpoint = 0;
    long afterId = 0;
    List<StoredEvent> page;
    do {
      page = repository.eventsInStorageOrder(afterId, PAGE);
      for (StoredEvent row : page) {
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).seq() < row.seq()) {
          feed(chain, checkpoints.get(nextCheckpoint++));
        }
        try {
          AuditEntry entry = row.toEntry();
          chain.record(row.location(), entry.sequence(), entry.event().canonical(), entry.hash());
        } catch (IllegalArgumentException e) {
          chain.malformed(row.location(), e.getMessage());
        }
        afterId = row.id();
      }
    } while (page.size() == PAGE);
    while (nextCheckpoint < checkpoints.size()) {
      feed(chain, checkpoints.get(nextCheckpoint++));
    }
    return chain.finish("the end of audit_event", false);
  }

  private static void feed(ChainVerifier chain, StoredCheckpoint checkpoint) {
    try {
      chain.checkpoint(checkpoint.location(), checkpoint.signed());
    } catch (IllegalArgumentException e) {
      chain.malformed(checkpoint.location(), e.getMessage());
    }
  }
}
