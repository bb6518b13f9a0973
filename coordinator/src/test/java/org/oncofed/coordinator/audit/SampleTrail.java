package org.oncofed.coordinator.audit;

import static org.oncofed.common.audit.AuditEventType.ADMIN_ACTION;
import static org.oncofed.common.audit.AuditEventType.EXPERIMENT_COMPLETED;
import static org.oncofed.common.audit.AuditEventType.EXPERIMENT_CREATED;
import static org.oncofed.common.audit.AuditEventType.EXPERIMENT_STARTED;
import static org.oncofed.common.audit.AuditEventType.ROUND_AGGREGATED;
import static org.oncofed.common.audit.AuditEventType.ROUND_OPENED;
import static org.oncofed.common.audit.AuditEventType.UPDATE_ACCEPTED;
import static org.oncofed.common.audit.AuditEventType.UPDATE_REJECTED;

import java.util.List;
import java.util.Map;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.hash.Sha256;

/**
 * A two-round experiment as the round engine will record it: twelve events, with checkpoints after
 * sequence 4 and 8 (the export or a test adds the one after 12). Public: the client's audit command
 * tests record it too.
 */
public final class SampleTrail {

  public static final String EXPERIMENT = "exp-1";
  public static final SiteId NORTH = SiteId.of("north");
  public static final SiteId SOUTH = SiteId.of("south");
  public static final int EVENTS = 12;

  private SampleTrail() {}

  public static String hash(String seed) {
    return Sha256.hex(seed);
  }

  public static String updateHash(SiteId site, int round) {
    return hash("update " + site + " " + round);
  }

  public static void record(AuditTrail trail) {
    trail.record(EXPERIMENT_CREATED, "ruth", EXPERIMENT, null, null, Map.of(
        "configurationSha256", hash("config"), "architecture", "small-cnn", "rounds", 2, "strategy", "fedavg"));
    trail.record(EXPERIMENT_STARTED, "ruth", EXPERIMENT, null, null, Map.of("configurationSha256", hash("config")));
    trail.record(ROUND_OPENED, AuditEvent.SYSTEM, EXPERIMENT, 1, null, Map.of(
        "selectedSites", List.of("north", "south"), "globalModelSha256", hash("model 0")));
    trail.record(UPDATE_ACCEPTED, AuditEvent.SYSTEM, EXPERIMENT, 1, NORTH, update(NORTH, 1));
    trail.checkpoint("round 1 updates");
    trail.record(UPDATE_REJECTED, AuditEvent.SYSTEM, EXPERIMENT, 1, SOUTH, Map.of(
        "taskId", "exp-1-r1-south", "updateSha256", updateHash(SOUTH, 1), "reason", "update norm 9.2 exceeds bound 5.0"));
    trail.record(ROUND_AGGREGATED, AuditEvent.SYSTEM, EXPERIMENT, 1, null, Map.of(
        "participants", List.of("north"), "weights", Map.of("north", 1.0), "newModelSha256", hash("model 1")));
    trail.record(ROUND_OPENED, AuditEvent.SYSTEM, EXPERIMENT, 2, null, Map.of(
        "selectedSites", List.of("north", "south"), "globalModelSha256", hash("model 1")));
    trail.record(UPDATE_ACCEPTED, AuditEvent.SYSTEM, EXPERIMENT, 2, NORTH, update(NORTH, 2));
    trail.checkpoint("round 2 updates");
    trail.record(UPDATE_ACCEPTED, AuditEvent.SYSTEM, EXPERIMENT, 2, SOUTH, update(SOUTH, 2));
    trail.record(ROUND_AGGREGATED, AuditEvent.SYSTEM, EXPERIMENT, 2, null, Map.of(
        "participants", List.of("north", "south"), "weights", Map.of("north", 0.4, "south", 0.6),
        "newModelSha256", hash("model 2")));
    trail.record(EXPERIMENT_COMPLETED, AuditEvent.SYSTEM, EXPERIMENT, null, null, Map.of(
        "finalModelSha256", hash("model 2"), "rounds", 2));
    trail.record(ADMIN_ACTION, "root", null, null, null, Map.of("action", "site-registered", "target", "east"));
  }

  public static Map<String, Object> update(SiteId site, int round) {
    return Map.of("taskId", "exp-1-r" + round + "-" + site, "updateSha256", updateHash(site, round),
        "sampleCount", 120 + round, "sizeBytes", 4096, "metrics", Map.of("train_loss", 0.41, "train_accuracy", 0.8125),
        "privacy", Map.of("clipNorm", 5.0, "noiseMultiplier", 0.0, "secureAggregation", false));
  }
}
