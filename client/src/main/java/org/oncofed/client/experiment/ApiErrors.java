package org.oncofed.client.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.oncofed.client.rest.ApiException;
import org.oncofed.common.hash.CanonicalJson;

/** One line for people from an error answer of the coordinator, naming the request field where it can. */
final class ApiErrors {

  private ApiErrors() {}

  static String describe(ApiException e) {
    String reasons = reasons(e.body());
    return "refused (HTTP " + e.status() + "): " + (reasons.isEmpty() ? fallback(e.status()) : reasons);
  }

  /** "rounds: must be greater than or equal to 1, found 0; name: required", from an ApiError body. */
  private static String reasons(String body) {
    JsonNode error;
    try {
      error = CanonicalJson.parse(body);
    } catch (RuntimeException notJson) {
      return "";
    }
    if (error == null) {
      return "";
    }
    List<String> reasons = new ArrayList<>();
    for (JsonNode entry : error.path("errors")) {
      String message = entry.path("message").asText("");
      reasons.add(entry.hasNonNull("field") ? entry.path("field").asText() + ": " + message : message);
    }
    if (reasons.isEmpty() && error.hasNonNull("message")) {
      reasons.add(error.path("message").asText());
    }
    return String.join("; ", reasons);
  }

  private static String fallback(int status) {
    return switch (status) {
      case 401 -> "the coordinator did not accept your certificate";
      case 403 -> "your certificate's role may not do this (researchers create and run experiments; "
          + "auditors only read)";
      case 404 -> "no such experiment or endpoint";
      default -> status >= 500 ? "the coordinator failed; its log says why" : "no explanation given";
    };
  }
}
