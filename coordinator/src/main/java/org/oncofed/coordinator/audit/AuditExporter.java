package org.oncofed.coordinator.audit;

import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.oncofed.common.audit.AuditExport;
import org.oncofed.common.audit.Checkpoint;
import org.oncofed.common.tls.ProjectPki;

/**
 * Produces the audit export ({@link AuditExport}) of the whole trail. It first seals the trail
 * with a checkpoint (unless the latest one already covers the last event), then streams every
 * event and checkpoint up to that seal, page by page, copying rows exactly as stored.
 */
@Singleton
public class AuditExporter {

  private static final int PAGE = 500;

  private final AuditTrail trail;
  private final AuditRepository repository;
  private final ProjectPki pki;
  private final Clock clock;

  AuditExporter(AuditTrail trail, AuditRepository repository, ProjectPki pki, Clock clock) {
    this.trail = trail;
    this.repository = repository;
    this.pki = pki;
    this.clock = clock;
  }

  /** The export as UTF-8 JSON Lines, read from the database as the stream is consumed. */
  public InputStream open() {
    Checkpoint seal = trail.checkpoint("export").checkpoint();
    AuditExport.Header header = new AuditExport.Header(clock.instant(),
        pki.identity().certificate().getSubjectX500Principal().getName(), seal.sequence(), seal.number());
    return new LinesInputStream(new Lines(header, repository.checkpoints(seal.number()), seal.sequence()));
  }

  /** Header, then events in sequence order with each checkpoint right after the event it signs. */
  private final class Lines implements Iterator<String> {

    private final Deque<String> ready = new ArrayDeque<>();
    private final List<StoredCheckpoint> checkpoints;
    private final long lastSequence;
    private int nextCheckpoint;
    private long after;
    private boolean eventsDone;

    Lines(AuditExport.Header header, List<StoredCheckpoint> checkpoints, long lastSequence) {
      this.checkpoints = checkpoints;
      this.lastSequence = lastSequence;
      ready.add(header.line());
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && !(eventsDone && nextCheckpoint == checkpoints.size())) {
        fill();
      }
      return !ready.isEmpty();
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void fill() {
      if (eventsDone) {
        checkpointsBefore(Long.MAX_VALUE);
        return;
      }
      List<StoredEvent> page = repository.eventsInSequence(after, lastSequence, PAGE);
      for (StoredEvent row : page) {
        checkpointsBefore(row.seq());
        ready.add(AuditExport.eventLine(row.rawMap(), row.hash()));
        after = row.seq();
      }
      eventsDone = page.size() < PAGE;
    }

    private void checkpointsBefore(long sequence) {
      while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).seq() < sequence) {
        StoredCheckpoint checkpoint = checkpoints.get(nextCheckpoint++);
        ready.add(AuditExport.checkpointLine(checkpoint.payload(), checkpoint.signature(), checkpoint.certificate()));
      }
    }
  }
}
