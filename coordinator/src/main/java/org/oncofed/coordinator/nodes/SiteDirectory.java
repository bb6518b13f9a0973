package org.oncofed.coordinator.nodes;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oncofed.api.DatasetView;
import org.oncofed.api.NodeView;
import org.oncofed.common.SiteId;
import org.oncofed.common.hash.CanonicalJson;

/**
 * Known hospital sites: the history kept by {@link SiteHistory} combined with the live control
 * streams, to answer "who is there now, and who has been".
 */
@Singleton
public class SiteDirectory {

  private final SiteRepository repository;
  private final ConnectedNodes connected;

  SiteDirectory(SiteRepository repository, ConnectedNodes connected) {
    this.repository = repository;
    this.connected = connected;
  }

  /**
   * All known sites, connected ones with their live state. A node that has just connected is
   * listed even before its history is written (listeners run after its Welcome).
   */
  public List<NodeView> list() {
    Map<String, SiteRecord> sites = new TreeMap<>();
    repository.findAllOrderBySiteId().forEach(record -> sites.put(record.siteId(), record));
    connected.snapshot().forEach(node ->
        sites.putIfAbsent(node.site().value(), SiteHistory.recordOf(node, node.connectedAt())));
    return sites.values().stream().map(this::view).toList();
  }

  private NodeView view(SiteRecord record) {
    Optional<ConnectedNode> live = connected.get(SiteId.of(record.siteId()));
    Instant lastSeen = live.map(ConnectedNode::lastHeartbeat)
        .orElse(record.lastDisconnected() != null ? record.lastDisconnected() : record.lastConnected());
    return new NodeView(
        record.siteId(),
        live.isPresent(),
        live.map(node -> stateName(node.state().name())).orElse(null),
        live.map(ConnectedNode::currentTask).filter(task -> !task.isEmpty()).orElse(null),
        live.map(ConnectedNode::connectedAt).orElse(null),
        live.map(ConnectedNode::lastHeartbeat).orElse(null),
        record.firstSeen(),
        lastSeen,
        live.isPresent() ? null : record.lastDisconnectReason(),
        record.certificateSerial(),
        record.softwareVersion(),
        record.backend(),
        record.device(),
        dataset(record.datasetJson()));
  }

  private static String stateName(String protoName) {
    return protoName.replace("NODE_STATE_", "").toLowerCase(Locale.ROOT);
  }

  private static @Nullable DatasetView dataset(@Nullable String json) {
    if (json == null) {
      return null;
    }
    try {
      return CanonicalJson.mapper().readValue(json, DatasetView.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored dataset summary is not readable: " + e.getMessage(), e);
    }
  }
}
