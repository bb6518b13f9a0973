package org.oncofed.common.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies an export together with hospital ledgers, so that the coordinator's account and each
 * site's own account of what left the site must agree:
 *
 * <ul>
 *   <li>every update a site sent that the coordinator accepted (the ledger keeps its answer), and
 *       every one the trail mentions, has an UPDATE_ACCEPTED or UPDATE_REJECTED event for that site
 *       and task with the same update hash (and the same sample count and size where both record
 *       them); one sent but never accepted may be missing: it was lost in transit or refused;
 *   <li>likewise every evaluation, with an EVALUATION_RECEIVED event of the same model hash;
 *   <li>every update the trail says it accepted from the site, within the period the ledger covers,
 *       is in the site's ledger;
 *   <li>every checkpoint the site received verifies, and the export has the same chain head at its
 *       sequence (and the same checkpoint under its number): an export cut shorter than what a site
 *       was once shown, or rewritten since, is caught here even if re-signed.
 * </ul>
 *
 * Entries newer than the export's last checkpoint are skipped: the export predates them. Update
 * and evaluation times come from the site's clock, so a site whose clock runs far ahead of the
 * coordinator's may see its newest entries skipped rather than checked.
 */
public final class LedgerCrossCheck {

  private static final Set<AuditEventType> UPDATE_EVENTS =
      Set.of(AuditEventType.UPDATE_ACCEPTED, AuditEventType.UPDATE_REJECTED);

  private final X509Certificate ca;

  public LedgerCrossCheck(X509Certificate ca) {
    this.ca = Objects.requireNonNull(ca, "ca");
  }

  /** Verifies the export, then each ledger against it; the verdict names the first problem. */
  public AuditVerdict verify(Path export, List<Path> ledgers) throws IOException {
    CheckpointVerifier checkpoints = new CheckpointVerifier(ca);
    List<LedgerFile.Contents> contents = new ArrayList<>();
    for (Path ledger : ledgers) {
      LedgerFile.Contents read = LedgerFile.read(ledger, "ledger " + ledger, checkpoints);
      if (!read.verdict().valid()) {
        return read.verdict();
      }
      contents.add(read);
    }
    TrailIndex trail = new TrailIndex(contents);
    AuditVerdict verdict = new ExportVerifier(ca).verify(export, trail);
    for (int i = 0; verdict.valid() && i < contents.size(); i++) {
      verdict = check(verdict, trail, contents.get(i), "ledger " + ledgers.get(i));
    }
    return verdict;
  }

  private static AuditVerdict check(AuditVerdict verdict, TrailIndex trail, LedgerFile.Contents ledger, String name) {
    String site = ledger.siteId();
    Instant sealed = verdict.lastCheckpoint().time();
    int matched = 0;
    int later = 0;
    int unanswered = 0;
    Set<String> sentTasks = new HashSet<>();
    Map<String, Boolean> accepted = answers(ledger);
    for (LedgerFile.Line line : ledger.lines()) {
      LedgerEntry entry = line.entry();
      String location = name + " line " + line.number();
      if (entry.taskId() != null) {
        sentTasks.add(entry.taskId());
      }
      // Checkpoints carry the coordinator's own time, which needs no allowance for clock skew.
      Instant when = entry.type() == LedgerEntryType.CHECKPOINT_RECEIVED
          ? entry.signedCheckpoint().checkpoint().time() : entry.time();
      if (when.isAfter(sealed)) {
        later++;
        continue;
      }
      List<AuditEntry> recorded = switch (entry.type()) {
        case UPDATE_SENT -> trail.events(site, entry.taskId(), UPDATE_EVENTS);
        case EVALUATION_SENT -> trail.events(site, entry.taskId(), Set.of(AuditEventType.EVALUATION_RECEIVED));
        case CHECKPOINT_RECEIVED, ANSWER_RECEIVED, PLAN_DECIDED, TASK_DECLINED -> List.of();
      };
      boolean sent = entry.type() == LedgerEntryType.UPDATE_SENT || entry.type() == LedgerEntryType.EVALUATION_SENT;
      if (sent && recorded.isEmpty() && !accepted.getOrDefault(entry.taskId(), false)) {
        // Never acknowledged: lost in transit (the coordinator died before committing it) or refused.
        unanswered++;
        continue;
      }
      AuditProblem problem = switch (entry.type()) {
        case UPDATE_SENT -> matchSent(recorded, entry, location, "updateSha256", List.of("sampleCount", "sizeBytes"),
            "UPDATE_ACCEPTED or UPDATE_REJECTED");
        case EVALUATION_SENT -> matchSent(recorded, entry, location, "modelSha256", List.of("reportSha256"),
            "EVALUATION_RECEIVED");
        case CHECKPOINT_RECEIVED -> matchCheckpoint(trail, entry, location, verdict.events());
        case ANSWER_RECEIVED, PLAN_DECIDED, TASK_DECLINED -> null;
      };
      if (problem != null) {
        return verdict.withProblem(problem);
      }
      matched++;
    }
    AuditProblem unrecorded = unrecordedUpdate(trail, ledger, sentTasks);
    if (unrecorded != null) {
      return verdict.withProblem(unrecorded);
    }
    return verdict.withNote("ledger of site " + site + " agrees (" + matched + (matched == 1 ? " entry" : " entries")
        + (unanswered > 0 ? ", " + unanswered + " sent without an acceptance, absent from the trail" : "")
        + (later > 0 ? ", " + later + " newer than the export" : "") + ")");
  }

  /** What the coordinator answered, by task: true when it accepted (committed) what the site sent. */
  private static Map<String, Boolean> answers(LedgerFile.Contents ledger) {
    Map<String, Boolean> accepted = new HashMap<>();
    for (LedgerEntry entry : ledger.entries()) {
      if (entry.type() == LedgerEntryType.ANSWER_RECEIVED) {
        accepted.put(entry.taskId(), Boolean.TRUE.equals(entry.details().get("accepted")));
      }
    }
    return accepted;
  }

  /**
   * A sent update or evaluation the trail records, or the coordinator acknowledged, must appear in
   * the trail for the same site and task, with the same hash.
   */
  private static AuditProblem matchSent(List<AuditEntry> candidates, LedgerEntry entry, String location,
      String hashKey, List<String> alsoCompared, String expected) {
    Object hash = entry.details().get(hashKey);
    if (candidates.isEmpty()) {
      return new AuditProblem(ProblemKind.LEDGER_MISMATCH, location, entry.sequence(), "site " + entry.siteId()
          + " sent " + describe(entry) + " and the coordinator accepted it, but the trail has no " + expected
          + " event for that site and task");
    }
    for (AuditEntry candidate : candidates) {
      Map<String, Object> recorded = candidate.event().details();
      if (!recorded.containsKey(hashKey) && candidate.event().type() == AuditEventType.UPDATE_REJECTED) {
        return null; // rejected before the whole update arrived: there is no hash to compare
      }
      if (Objects.equals(recorded.get(hashKey), hash)) {
        for (String key : alsoCompared) {
          if (recorded.containsKey(key) && entry.details().containsKey(key)
              && !recorded.get(key).equals(entry.details().get(key))) {
            return new AuditProblem(ProblemKind.LEDGER_MISMATCH, location, entry.sequence(), "site " + entry.siteId()
                + " recorded " + key + " " + entry.details().get(key) + " for " + describe(entry) + " but trail sequence "
                + candidate.sequence() + " records " + recorded.get(key));
          }
        }
        return null;
      }
    }
    AuditEntry first = candidates.get(0);
    return new AuditProblem(ProblemKind.LEDGER_MISMATCH, location, entry.sequence(), "site " + entry.siteId()
        + " sent " + describe(entry) + " but trail sequence " + first.sequence() + " records " + hashKey + " "
        + first.event().details().get(hashKey) + " for that task");
  }

  private static AuditProblem matchCheckpoint(TrailIndex trail, LedgerEntry entry, String location, long exportEnd) {
    SignedCheckpoint received = entry.signedCheckpoint();
    Checkpoint checkpoint = received.checkpoint();
    if (checkpoint.sequence() > exportEnd) {
      return new AuditProblem(ProblemKind.TRUNCATED, location, entry.sequence(), "site " + entry.siteId()
          + " received checkpoint " + checkpoint.number() + " signing sequence " + checkpoint.sequence()
          + " but the export ends at sequence " + exportEnd + ": the trail was cut short");
    }
    String head = trail.hashAt(checkpoint.sequence());
    if (!checkpoint.chainHead().equals(head)) {
      return new AuditProblem(ProblemKind.CHECKPOINT_MISMATCH, location, entry.sequence(), "site " + entry.siteId()
          + " received checkpoint " + checkpoint.number() + " with chain head " + ChainVerifier.abbreviate(checkpoint.chainHead())
          + " at sequence " + checkpoint.sequence() + " but the export's chain head there is "
          + ChainVerifier.abbreviate(head) + ": the trail was rewritten");
    }
    SignedCheckpoint exported = trail.checkpoint(checkpoint.number());
    if (exported != null && !exported.payload().equals(received.payload())) {
      return new AuditProblem(ProblemKind.CHECKPOINT_MISMATCH, location, entry.sequence(), "site " + entry.siteId()
          + " received checkpoint " + checkpoint.number() + " as " + received.payload()
          + " but the export's checkpoint " + checkpoint.number() + " is " + exported.payload());
    }
    return null;
  }

  /** An update the trail accepted from the site while its ledger was being kept, yet absent from the ledger. */
  private static AuditProblem unrecordedUpdate(TrailIndex trail, LedgerFile.Contents ledger, Set<String> sentTasks) {
    List<LedgerEntry> entries = ledger.entries();
    if (entries.isEmpty()) {
      return null;
    }
    Instant from = entries.get(0).time();
    Instant to = entries.get(entries.size() - 1).time();
    for (AuditEntry accepted : trail.accepted(ledger.siteId())) {
      Instant at = accepted.event().time();
      String task = (String) accepted.event().details().get("taskId");
      if (!at.isBefore(from) && !at.isAfter(to) && !sentTasks.contains(task)) {
        return new AuditProblem(ProblemKind.LEDGER_MISMATCH, "the export", accepted.sequence(), "the trail records an"
            + " update accepted from site " + ledger.siteId() + " for task " + task
            + " that the site's ledger does not record as sent");
      }
    }
    return null;
  }

  private static String describe(LedgerEntry entry) {
    Object hash = entry.details().getOrDefault("updateSha256", entry.details().get("modelSha256"));
    return (entry.type() == LedgerEntryType.UPDATE_SENT ? "update " : "evaluation of model ")
        + ChainVerifier.abbreviate(String.valueOf(hash)) + " for task " + entry.taskId();
  }

  /** What the ledgers need from the export, gathered while it is verified. */
  private static final class TrailIndex implements ExportVerifier.Listener {

    private final Set<String> sites = new HashSet<>();
    private final Set<Long> wantedHashes = new HashSet<>();
    private final Map<Long, String> hashes = new HashMap<>();
    private final Map<String, List<AuditEntry>> bySiteAndTask = new HashMap<>();
    private final Map<String, List<AuditEntry>> acceptedBySite = new HashMap<>();
    private final Map<Long, SignedCheckpoint> checkpoints = new HashMap<>();

    TrailIndex(List<LedgerFile.Contents> ledgers) {
      for (LedgerFile.Contents ledger : ledgers) {
        sites.add(ledger.siteId());
        for (LedgerEntry entry : ledger.entries()) {
          if (entry.type() == LedgerEntryType.CHECKPOINT_RECEIVED) {
            wantedHashes.add(entry.signedCheckpoint().checkpoint().sequence());
          }
        }
      }
    }

    @Override
    public void event(AuditEntry entry) {
      AuditEvent event = entry.event();
      if (wantedHashes.contains(event.sequence())) {
        hashes.put(event.sequence(), entry.hash());
      }
      if (event.siteId() == null || !sites.contains(event.siteId()) || !(event.details().get("taskId") instanceof String task)) {
        return;
      }
      bySiteAndTask.computeIfAbsent(event.siteId() + "/" + task, key -> new ArrayList<>()).add(entry);
      if (event.type() == AuditEventType.UPDATE_ACCEPTED) {
        acceptedBySite.computeIfAbsent(event.siteId(), key -> new ArrayList<>()).add(entry);
      }
    }

    @Override
    public void checkpoint(Checkpoint checkpoint, SignedCheckpoint signed) {
      checkpoints.put(checkpoint.number(), signed);
    }

    List<AuditEntry> events(String site, String task, Set<AuditEventType> types) {
      return bySiteAndTask.getOrDefault(site + "/" + task, List.of()).stream()
          .filter(entry -> types.contains(entry.event().type()))
          .toList();
    }

    List<AuditEntry> accepted(String site) {
      return acceptedBySite.getOrDefault(site, List.of());
    }

    String hashAt(long sequence) {
      return sequence == 0 ? ChainHash.GENESIS : hashes.get(sequence);
    }

    SignedCheckpoint checkpoint(long number) {
      return checkpoints.get(number);
    }
  }
}
