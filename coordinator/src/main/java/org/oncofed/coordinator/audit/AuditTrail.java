package org.oncofed.coordinator.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEntry;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.Checkpoint;
import org.oncofed.common.audit.SignedCheckpoint;
import org.oncofed.common.tls.ProjectPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's tamper-evident audit trail: the single entry point for recording what happens.
 * Each event is appended with its hash link to the previous one in one database transaction;
 * nothing is ever updated or deleted. Signed checkpoints pin the chain head and go to every
 * {@link CheckpointListener} (which sends them to the connected nodes). Thread-safe: appends are
 * serialised, so sequence numbers have no gaps.
 */
@Singleton
public class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final AuditRepository repository;
  private final TransactionOperations<Connection> transactions;
  private final ProjectPki pki;
  private final List<CheckpointListener> checkpointListeners;
  private final Clock clock;
  // Held around the whole transaction, so that the next append reads a committed head.
  private final ReentrantLock appending = new ReentrantLock();

  AuditTrail(AuditRepository repository, TransactionOperations<Connection> transactions, ProjectPki pki,
      List<CheckpointListener> checkpointListeners, Clock clock) {
    this.repository = repository;
    this.transactions = transactions;
    this.pki = pki;
    this.checkpointListeners = List.copyOf(checkpointListeners);
    this.clock = clock;
  }

  /** Appends events within a transaction opened by {@link #atomically}. */
  @FunctionalInterface
  public interface Events {

    /** Appends one event; see {@link AuditTrail#record} for the arguments. */
    AuditEntry record(AuditEventType type, String actor, @Nullable String experimentId, @Nullable Integer round,
        @Nullable SiteId site, Map<String, ?> details);
  }

  /**
   * Appends an event to the trail.
   *
   * @param type what happened; the type names the context and detail keys it requires
   * @param actor who caused it: the CN of the caller's certificate (researcher, admin, site), or
   *     {@link AuditEvent#SYSTEM} when the coordinator acted by itself
   * @param experimentId the experiment concerned, if any
   * @param round the round concerned, if any
   * @param site the hospital site concerned, if any
   * @param details hashes, counts, settings and reasons: strings, numbers, booleans, lists and maps;
   *     never patient data (keys naming patient identifiers are refused)
   * @return the stored entry with its sequence number, time and chain hash
   * @throws IllegalArgumentException naming the problem when the event is incomplete or its details
   *     are not recordable; nothing is stored then
   */
  public AuditEntry record(AuditEventType type, String actor, @Nullable String experimentId, @Nullable Integer round,
      @Nullable SiteId site, Map<String, ?> details) {
    return atomically(events -> events.record(type, actor, experimentId, round, site, details));
  }

  /**
   * Runs {@code work} and the events it records in one database transaction: the state it changes
   * and its events are committed together, or neither is (a crash never leaves a state change the
   * trail does not tell, nor an event for a change that did not happen). Appends wait until the
   * commit, so that the next one reads a committed chain head; keep {@code work} to a few writes.
   *
   * @throws IllegalStateException when called inside a transaction: the append lock must be held
   *     until the commit, which the caller's transaction would delay
   */
  public <T> T atomically(Function<Events, T> work) {
    if (transactions.findTransactionStatus().isPresent()) {
      throw new IllegalStateException("events recorded with other writes need a transaction of their own");
    }
    appending.lock();
    try {
      return transactions.executeWrite(status -> work.apply(this::append));
    } finally {
      appending.unlock();
    }
  }

  private AuditEntry append(AuditEventType type, String actor, @Nullable String experimentId, @Nullable Integer round,
      @Nullable SiteId site, Map<String, ?> details) {
    AuditRepository.Head head = repository.head();
    AuditEvent event = AuditEvent.create(head.sequence() + 1, clock.instant(), type, actor, experimentId, round,
        site == null ? null : site.value(), details);
    AuditEntry entry = AuditEntry.link(head.hash(), event);
    repository.insert(entry);
    return entry;
  }

  /**
   * Signs a checkpoint of the chain head with the coordinator's key, stores it and sends it to
   * every connected node. Call it after each round; the coordinator also does so on shutdown,
   * periodically and for each export. When the latest checkpoint already covers the chain head,
   * that one is returned and nothing new is signed.
   *
   * @param reason why, in a few words ("round 3 of experiment exp-7 aggregated")
   */
  public SignedCheckpoint checkpoint(String reason) {
    SignedCheckpoint signed;
    appending.lock();
    try {
      AuditRepository.Head head = repository.head();
      Optional<StoredCheckpoint> latest = repository.lastCheckpoint();
      if (latest.isPresent() && latest.get().seq() == head.sequence()) {
        return latest.get().signed();
      }
      Checkpoint checkpoint = new Checkpoint(latest.map(StoredCheckpoint::number).orElse(0L) + 1,
          head.sequence(), head.hash(), clock.instant(), reason);
      signed = SignedCheckpoint.sign(checkpoint, pki.identity());
      repository.insertCheckpoint(checkpoint, signed);
      LOG.info("Audit checkpoint {} signed at sequence {} ({})", checkpoint.number(), checkpoint.sequence(), reason);
    } finally {
      appending.unlock();
    }
    checkpointListeners.forEach(listener -> listener.checkpointSigned(signed));
    return signed;
  }

  /** The latest signed checkpoint, if any. */
  public Optional<SignedCheckpoint> latestCheckpoint() {
    return repository.lastCheckpoint().map(StoredCheckpoint::signed);
  }

  /** The sequence number of the last event (0 when the trail is empty). */
  public long lastSequence() {
    return repository.head().sequence();
  }
}
