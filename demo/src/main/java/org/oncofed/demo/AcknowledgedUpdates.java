package org.oncofed.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.oncofed.common.audit.LedgerEntry;
import org.oncofed.common.audit.LedgerEntryType;
import org.oncofed.common.audit.LedgerFile;
import org.oncofed.common.hash.CanonicalJson;

/**
 * Counts the updates of one experiment the coordinator acknowledged to the sites (each site's
 * ledger keeps the coordinator's answer) and how many of them its audit export no longer records
 * as accepted.
 *
 * @param acknowledged updates a site sent and the coordinator answered as accepted
 * @param lost of those, the ones with no UPDATE_ACCEPTED of the same task and hash in the export
 */
record AcknowledgedUpdates(int acknowledged, int lost) {

  static AcknowledgedUpdates count(Iterable<Path> ledgers, Path export, String experimentId) throws IOException {
    Set<String> recorded = new HashSet<>();
    for (String line : Files.readAllLines(export)) {
      JsonNode event = CanonicalJson.parse(line).path("event");
      if (event.path("type").asText().equals("UPDATE_ACCEPTED") && event.path("experimentId").asText().equals(experimentId)) {
        recorded.add(event.path("details").path("taskId").asText() + " " + event.path("details").path("updateSha256").asText());
      }
    }
    int acknowledged = 0;
    int lost = 0;
    for (Path ledger : ledgers) {
      if (!Files.exists(ledger)) {
        continue;
      }
      Map<String, String> sent = new HashMap<>();
      for (LedgerEntry entry : LedgerFile.read(ledger, ledger.toString(), null).entries()) {
        if (!experimentId.equals(entry.experimentId())) {
          continue;
        }
        if (entry.type() == LedgerEntryType.UPDATE_SENT) {
          sent.put(entry.taskId(), String.valueOf(entry.details().get("updateSha256")));
        } else if (entry.type() == LedgerEntryType.ANSWER_RECEIVED && sent.containsKey(entry.taskId())
            && Boolean.TRUE.equals(entry.details().get("accepted"))) {
          acknowledged++;
          if (!recorded.contains(entry.taskId() + " " + sent.get(entry.taskId()))) {
            lost++;
          }
        }
      }
    }
    return new AcknowledgedUpdates(acknowledged, lost);
  }
}
