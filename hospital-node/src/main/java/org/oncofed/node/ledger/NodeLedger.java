package org.oncofed.node.ledger;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.oncofed.common.audit.AuditJson;
import org.oncofed.common.audit.ChainHash;
import org.oncofed.common.audit.CheckpointVerifier;
import org.oncofed.common.audit.LedgerEntry;
import org.oncofed.common.audit.LedgerEntryType;
import org.oncofed.common.audit.LedgerFile;
import org.oncofed.common.audit.PrivacySpentDetails;
import org.oncofed.common.audit.SignedCheckpoint;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.tls.PeerIdentity;
import org.oncofed.common.tls.ProjectPki;
import org.oncofed.proto.federation.v1.EvaluationReport;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.PrivacySpent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's own account of everything that left it, kept under {@code <data-dir>/ledger/ledger.jsonl}
 * ({@link LedgerFile}): each update and evaluation sent, and each signed checkpoint of the
 * coordinator's trail received. Append-only and hash-chained; each entry is on disk (synced)
 * before its method returns, so call {@code record...} before the data is sent. Bad arguments are
 * refused before anything is written. A ledger found damaged at startup stops the node: it would
 * otherwise send data it can no longer account for.
 */
@Context
public class NodeLedger {

  private static final Logger LOG = LoggerFactory.getLogger(NodeLedger.class);
  static final String FOLDER = "ledger";
  static final String FILE_NAME = "ledger.jsonl";

  private final Path file;
  private final String siteId;
  private final Clock clock;
  private final Set<String> heldCheckpoints = new HashSet<>();
  private final Map<String, Boolean> planDecisions = new HashMap<>();
  private final List<PrivacyConfig> trainingReleases = new ArrayList<>();
  private long size;
  private long lastSequence;
  private String head = ChainHash.GENESIS;

  @Inject
  NodeLedger(@Value("${oncofed.node.data-dir}") Path dataDir, ProjectPki pki, Clock clock) {
    this(dataDir.resolve(FOLDER).resolve(FILE_NAME), siteOf(pki), new CheckpointVerifier(pki.ca()), clock);
  }

  NodeLedger(Path file, String siteId, CheckpointVerifier checkpoints, Clock clock) {
    this.file = file;
    this.siteId = siteId;
    this.clock = clock;
    try {
      if (Files.exists(file)) {
        resume(checkpoints);
      } else {
        create();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the ledger " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records a training update about to leave the site.
   *
   * @param updateSha256 SHA-256 of the update bytes exactly as uploaded
   * @param sizeBytes their length
   * @param sampleCount training samples the update was computed on
   * @param privacyApplied the privacy filters actually applied to it
   * @param privacySpent the site's privacy account once this release is counted
   */
  public synchronized LedgerEntry recordUpdate(String taskId, String experimentId, int round, String updateSha256,
      long sizeBytes, long sampleCount, PrivacyConfig privacyApplied, PrivacySpent privacySpent) {
    Sha256.requireHexDigest(updateSha256, "updateSha256");
    requirePositive(sizeBytes, "sizeBytes");
    if (sampleCount < 0) {
      throw new IllegalArgumentException("sampleCount must not be negative, found " + sampleCount);
    }
    Objects.requireNonNull(privacyApplied, "privacyApplied");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("updateSha256", updateSha256);
    details.put("sizeBytes", sizeBytes);
    details.put("sampleCount", sampleCount);
    details.put("privacy", privacyDetails(privacyApplied));
    details.put("privacySpent", PrivacySpentDetails.of(Objects.requireNonNull(privacySpent, "privacySpent")));
    LedgerEntry entry = append(LedgerEntryType.UPDATE_SENT, requireText(experimentId, "experimentId"), round,
        requireText(taskId, "taskId"), details);
    trainingReleases.add(privacyApplied);
    return entry;
  }

  /** The privacy filters of every training release in the ledger, oldest first, for the privacy account. */
  public synchronized List<PrivacyConfig> trainingReleases() {
    return List.copyOf(trainingReleases);
  }

  /**
   * Records an evaluation report about to leave the site: aggregate counts only, hashed as sent,
   * with the privacy account it carries.
   */
  public synchronized LedgerEntry recordEvaluation(String experimentId, int round, EvaluationReport report) {
    return append(LedgerEntryType.EVALUATION_SENT, requireText(experimentId, "experimentId"), round,
        requireText(report.getTaskId(), "report.taskId"), evaluationDetails(report));
  }

  /**
   * Records the test counts of a local-only baseline the site keeps, about to leave in its place,
   * with the privacy filters applied to the baseline: a training release for the privacy account.
   */
  public synchronized LedgerEntry recordKeptBaseline(String experimentId, int round, EvaluationReport report,
      PrivacyConfig privacyApplied) {
    Map<String, Object> details = evaluationDetails(report);
    details.put("keptBaseline", privacyDetails(Objects.requireNonNull(privacyApplied, "privacyApplied")));
    LedgerEntry entry = append(LedgerEntryType.EVALUATION_SENT, requireText(experimentId, "experimentId"), round,
        requireText(report.getTaskId(), "report.taskId"), details);
    trainingReleases.add(privacyApplied);
    return entry;
  }

  private static Map<String, Object> evaluationDetails(EvaluationReport report) {
    Objects.requireNonNull(report, "report");
    Sha256.requireHexDigest(report.getModelSha256(), "report.modelSha256");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelSha256", report.getModelSha256());
    details.put("reportSha256", Sha256.hex(report.toByteArray()));
    details.put("split", report.getSplit().name());
    details.put("examples", report.getConfusionList().stream().mapToLong(Long::longValue).sum());
    if (report.hasPrivacySpent()) {
      details.put("privacySpent", PrivacySpentDetails.of(report.getPrivacySpent()));
    }
    return details;
  }

  /**
   * Records the coordinator's answer to what the site sent for a task: an accepted answer promises
   * that the coordinator has committed it, which an audit of the trail can then hold it to.
   */
  public synchronized LedgerEntry recordAnswer(String experimentId, int round, String taskId, boolean accepted,
      String reason) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("accepted", accepted);
    if (!accepted) {
      details.put("reason", reason);
    }
    return append(LedgerEntryType.ANSWER_RECEIVED, requireText(experimentId, "experimentId"), round,
        requireText(taskId, "taskId"), details);
  }

  /**
   * Records the site's decision on an experiment's plan, once per change: false (nothing written)
   * when the ledger's last decision on this plan was the same.
   *
   * @param decidedBy {@code operator ...} or the policy rule that pre-approved the plan
   */
  public synchronized boolean recordPlanDecision(String experimentId, String planSha256, boolean approved,
      String decidedBy) {
    Sha256.requireHexDigest(planSha256, "planSha256");
    if (Boolean.valueOf(approved).equals(planDecisions.get(planSha256))) {
      return false;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("planSha256", planSha256);
    details.put("decision", approved ? "approved" : "rejected");
    details.put("decidedBy", requireText(decidedBy, "decidedBy"));
    append(LedgerEntryType.PLAN_DECIDED, requireText(experimentId, "experimentId"), null, null, details);
    planDecisions.put(planSha256, approved);
    return true;
  }

  /**
   * Records a task the site declined, with why.
   *
   * @param planSha256 the task's plan, or null when it carried none
   * @param budget the privacy account and the task's cost, when the budget refused the task
   */
  public synchronized LedgerEntry recordDecline(String experimentId, int round, String taskId, String reason,
      String planSha256, Map<String, Object> budget) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", requireText(reason, "reason"));
    if (planSha256 != null) {
      details.put("planSha256", Sha256.requireHexDigest(planSha256, "planSha256"));
    }
    details.putAll(budget);
    return append(LedgerEntryType.TASK_DECLINED, requireText(experimentId, "experimentId"), round,
        requireText(taskId, "taskId"), details);
  }

  /** Whether the ledger's last decision on this plan is {@code approved}; empty when it holds none. */
  public synchronized Optional<Boolean> planDecision(String planSha256) {
    return Optional.ofNullable(planDecisions.get(planSha256));
  }

  /**
   * Keeps a checkpoint of the coordinator's trail; the caller has verified its signature.
   *
   * @return false if this exact checkpoint is already held
   */
  public synchronized boolean recordCheckpoint(SignedCheckpoint checkpoint) {
    if (heldCheckpoints.contains(checkpoint.payload())) {
      return false;
    }
    append(LedgerEntryType.CHECKPOINT_RECEIVED, null, null, null, LedgerEntry.checkpointDetails(checkpoint));
    heldCheckpoints.add(checkpoint.payload());
    return true;
  }

  public Path file() {
    return file;
  }

  public String siteId() {
    return siteId;
  }

  private LedgerEntry append(LedgerEntryType type, String experimentId, Integer round, String taskId,
      Map<String, ?> details) {
    if (round != null && round < 0) {
      throw new IllegalArgumentException("round must not be negative, found " + round);
    }
    LedgerEntry entry = LedgerEntry.create(lastSequence + 1, clock.instant(), type, siteId, experimentId, round, taskId,
        details);
    String hash = ChainHash.next(head, entry.canonical());
    byte[] line = (LedgerFile.entryLine(entry, hash) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      write(line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the ledger " + file + ": " + e.getMessage(), e);
    }
    lastSequence = entry.sequence();
    head = hash;
    return entry;
  }

  /** Writes at the end of the last complete line and syncs; a failed write is cut back off. */
  private void write(byte[] line) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      try {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        channel.position(size);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      } catch (IOException e) {
        channel.truncate(size);
        throw e;
      }
    }
    size += line.length;
  }

  private void create() throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".new");
    byte[] header = (LedgerFile.headerLine(siteId, clock.instant()) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(header));
      channel.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(file.getParent());
    size = header.length;
    LOG.info("Started the ledger of site '{}' at {}", siteId, file);
  }

  private void resume(CheckpointVerifier checkpoints) throws IOException {
    LedgerFile.Contents contents = LedgerFile.read(file, file.toString(), checkpoints);
    if (!contents.verdict().valid()) {
      throw new IllegalStateException("the ledger " + file + " is damaged: " + contents.verdict().problem().describe()
          + ". Keep it for the auditor and move it aside to start a new ledger.");
    }
    if (!siteId.equals(contents.siteId())) {
      throw new IllegalStateException("the ledger " + file + " belongs to site '" + contents.siteId()
          + "' but this node's certificate is for site '" + siteId + "'");
    }
    if (contents.tornBytes() > 0) {
      Path kept = file.resolveSibling(FILE_NAME + ".torn-" + AuditJson.time(clock.instant()).replace(":", ""));
      Files.copy(file, kept);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(contents.completeBytes());
        channel.force(true);
      }
      LOG.warn("The ledger {} ended in an incomplete line ({} bytes, from an interrupted write); removed it after "
          + "keeping a copy in {}", file, contents.tornBytes(), kept);
    }
    size = contents.completeBytes();
    List<LedgerFile.Line> lines = contents.lines();
    if (!lines.isEmpty()) {
      LedgerFile.Line last = lines.get(lines.size() - 1);
      lastSequence = last.entry().sequence();
      head = last.hash();
    }
    for (LedgerFile.Line line : lines) {
      if (line.entry().type() == LedgerEntryType.CHECKPOINT_RECEIVED) {
        heldCheckpoints.add(line.entry().signedCheckpoint().payload());
      } else if (line.entry().type() == LedgerEntryType.UPDATE_SENT) {
        trainingReleases.add(privacyOf(line.entry().details().get("privacy"), line.entry().sequence()));
      } else if (line.entry().details().containsKey("keptBaseline")) {
        trainingReleases.add(privacyOf(line.entry().details().get("keptBaseline"), line.entry().sequence()));
      } else if (line.entry().type() == LedgerEntryType.PLAN_DECIDED) {
        planDecisions.put(String.valueOf(line.entry().details().get("planSha256")),
            "approved".equals(line.entry().details().get("decision")));
      }
    }
    LOG.info("Ledger of site '{}' at {}: {} entries", siteId, file, lastSequence);
  }

  private static void syncDirectory(Path directory) {
    // Makes the new file's name durable; not every platform can open a directory for this.
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("Could not sync directory {}: {}", directory, e.toString());
    }
  }

  private static Map<String, Object> privacyDetails(PrivacyConfig privacy) {
    return Map.of("clipNorm", privacy.getClipNorm(), "noiseMultiplier", privacy.getNoiseMultiplier(),
        "secureAggregation", privacy.getSecureAggregation());
  }

  private static PrivacyConfig privacyOf(Object details, long sequence) {
    if (!(details instanceof Map<?, ?> privacy)) {
      throw new IllegalStateException("ledger entry " + sequence + " has no privacy details");
    }
    return PrivacyConfig.newBuilder()
        .setClipNorm(((Number) privacy.get("clipNorm")).doubleValue())
        .setNoiseMultiplier(((Number) privacy.get("noiseMultiplier")).doubleValue())
        .setSecureAggregation(Boolean.TRUE.equals(privacy.get("secureAggregation")))
        .build();
  }

  private static String siteOf(ProjectPki pki) {
    try {
      return PeerIdentity.of(pki.identity().certificate()).name();
    } catch (CertificateException e) {
      throw new IllegalArgumentException("the node certificate has no usable subject: " + e.getMessage(), e);
    }
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, found " + value);
    }
  }
}
