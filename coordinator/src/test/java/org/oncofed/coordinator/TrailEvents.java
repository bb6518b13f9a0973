package org.oncofed.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.oncofed.certs.Credential;
import org.oncofed.common.hash.CanonicalJson;

/** Reads a running coordinator's audit trail through the auditor API, as an auditor would. */
public final class TrailEvents {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final RunningCoordinator coordinator;
  private final Credential auditor;

  public TrailEvents(RunningCoordinator coordinator, Credential auditor) {
    this.coordinator = coordinator;
    this.auditor = auditor;
  }

  /** Every event of the given type, in sequence order. */
  public List<JsonNode> ofType(String type) throws IOException, InterruptedException {
    var response = coordinator.get(auditor, "/api/audit/events?limit=1000&type="
        + URLEncoder.encode(type, StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new AssertionError("the auditor API answered " + response.statusCode() + ": " + response.body());
    }
    List<JsonNode> events = new ArrayList<>();
    CanonicalJson.parse(response.body()).path("events").forEach(events::add);
    return events;
  }

  /**
   * The first event of the type that matches, waiting for it: refusals are recorded by a
   * background thread, a moment after the answer.
   */
  public JsonNode await(String type, Predicate<JsonNode> matching) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      for (JsonNode event : ofType(type)) {
        if (matching.test(event)) {
          return event;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no matching " + type + " event within " + WAIT + "; the trail holds " + ofType(type));
      }
      Thread.sleep(100);
    }
  }
}
