package org.oncofed.coordinator.task;

import java.util.Map;
import java.util.Optional;
import org.oncofed.common.SiteId;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.proto.federation.v1.PrivacySpent;

/**
 * An update that arrived complete and intact (hash, size and encoding checked) for an open task;
 * whether it is acceptable is for the task's owner to decide.
 *
 * @param parameters the decoded parameter vector
 * @param encoded the bytes as received, whose SHA-256 identifies the update
 * @param metrics aggregate training metrics the node reported
 * @param provenanceJson the node's provenance record (canonical JSON, no patient data)
 * @param privacySpent the site's privacy account after this release, when it sent one
 */
public record ReceivedUpdate(
    SiteId site,
    String taskId,
    float[] parameters,
    EncodedParameters encoded,
    long sampleCount,
    Map<String, Double> metrics,
    String provenanceJson,
    String provenanceSha256,
    Optional<PrivacySpent> privacySpent) {

  public String sha256() {
    return encoded.sha256();
  }
}
