package org.oncofed.node;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders the node's status JSON for people. */
final class StatusText {

  private StatusText() {}

  static String render(JsonNode status) {
    JsonNode link = status.path("link");
    StringBuilder text = new StringBuilder()
        .append("site         ").append(link.path("siteId").asText()).append('\n')
        .append("coordinator  ").append(link.path("coordinator").asText())
        .append("  ").append(link.path("state").asText());
    if (link.hasNonNull("connectedSince")) {
      text.append(" since ").append(link.path("connectedSince").asText());
    }
    if (link.hasNonNull("nextAttemptAt")) {
      text.append(", next attempt at ").append(link.path("nextAttemptAt").asText());
    }
    text.append('\n');
    if (link.hasNonNull("lastError")) {
      text.append("last error   ").append(link.path("lastError").asText()).append('\n');
    }
    text.append("activity     ").append(status.path("activity").asText());
    if (status.hasNonNull("taskId")) {
      text.append(" (task ").append(status.path("taskId").asText()).append(')');
    }
    if (status.hasNonNull("detail")) {
      text.append(": ").append(status.path("detail").asText());
    }
    JsonNode privacy = status.path("privacy");
    double maxEpsilon = privacy.path("maxEpsilon").asDouble();
    return text.append('\n')
        .append("backend      ").append(status.path("backend").asText())
        .append(" (").append(status.path("device").asText()).append(")\n")
        .append("privacy      epsilon ").append(privacy.path("epsilon").asText()).append(" spent at delta ")
        .append(privacy.path("delta").asText())
        .append(maxEpsilon > 0 ? ", max-epsilon " + maxEpsilon : ", no max-epsilon set")
        .toString();
  }
}
