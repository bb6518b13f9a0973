package org.oncofed.node.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.oncofed.common.files.AtomicFiles;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.proto.federation.v1.SitePlan;

/**
 * The plans a site has seen and its decisions, one file per plan under
 * {@code <data-dir>/approvals/<plan-sha256>.json}, each replaced durably (on disk before a write
 * returns). The running node adds plans; {@code node approvals} records decisions. A file whose
 * plan no longer has the hash it is named after is refused: it was altered.
 */
public final class ApprovalStore {

  static final String FOLDER = "approvals";

  private final Path folder;

  public ApprovalStore(Path dataDir) {
    this.folder = dataDir.resolve(FOLDER);
  }

  public Path folder() {
    return folder;
  }

  /** The plan with this hash, if the site has seen it. */
  public Optional<PlanRecord> find(String planSha256) {
    Sha256.requireHexDigest(planSha256, "plan SHA-256");
    Path file = file(planSha256);
    try {
      return Optional.of(read(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the plan file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every plan, oldest first. */
  public List<PlanRecord> all() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<PlanRecord> plans = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList()) {
        plans.add(read(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the plans in " + folder + ": " + e.getMessage(), e);
    }
    plans.sort(Comparator.comparing(PlanRecord::receivedAt));
    return plans;
  }

  /** Writes the record, replacing any earlier state of the same plan. */
  public void save(PlanRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sha256", record.sha256());
    json.put("plan", Base64.getEncoder().encodeToString(record.plan().toByteArray()));
    json.put("state", record.state().name());
    json.put("receivedAt", record.receivedAt().toString());
    if (record.decidedBy() != null) {
      json.put("decidedBy", record.decidedBy());
      json.put("decidedAt", record.decidedAt().toString());
    }
    Path file = file(record.sha256());
    try {
      Files.createDirectories(folder);
      AtomicFiles.replaceDurably(file, temporary -> Files.writeString(temporary, CanonicalJson.encode(json) + "\n"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plan file " + file + ": " + e.getMessage(), e);
    }
  }

  private Path file(String planSha256) {
    return folder.resolve(planSha256 + ".json");
  }

  private static PlanRecord read(Path file) throws IOException {
    JsonNode json = CanonicalJson.parse(Files.readString(file));
    try {
      SitePlan plan = SitePlan.parseFrom(Base64.getDecoder().decode(json.path("plan").asText()));
      String sha256 = json.path("sha256").asText();
      if (!file.getFileName().toString().equals(sha256 + ".json")) {
        throw new IllegalArgumentException("it names plan " + sha256);
      }
      return new PlanRecord(sha256, plan, PlanRecord.State.valueOf(json.path("state").asText()),
          Instant.parse(json.path("receivedAt").asText()),
          json.hasNonNull("decidedBy") ? json.get("decidedBy").asText() : null,
          json.hasNonNull("decidedAt") ? Instant.parse(json.get("decidedAt").asText()) : null);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new IllegalStateException("the plan file " + file + " is damaged or altered: " + e.getMessage(), e);
    }
  }
}
