package org.oncofed.coordinator.nodes;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oncofed.api.DatasetView;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.proto.federation.v1.DatasetSummary;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.SplitCounts;

/** Remembers in the database every site that connects, and when and why it last disconnected. */
@Singleton
class SiteHistory implements NodeLifecycleListener {

  private final SiteRepository repository;
  private final Clock clock;

  SiteHistory(SiteRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public void onConnected(ConnectedNode node) {
    Instant firstSeen = repository.findById(node.site().value())
        .map(SiteRecord::firstSeen)
        .orElse(node.connectedAt());
    SiteRecord record = recordOf(node, firstSeen);
    if (repository.existsById(record.siteId())) {
      repository.update(record);
    } else {
      repository.save(record);
    }
  }

  @Override
  public void onDisconnected(ConnectedNode node, String reason) {
    repository.findById(node.site().value()).ifPresent(record -> repository.update(new SiteRecord(
        record.siteId(), record.firstSeen(), record.lastConnected(), clock.instant(), reason,
        record.certificateSerial(), record.softwareVersion(), record.backend(), record.device(),
        record.datasetJson())));
  }

  /** What a connection tells about its site: who it is, what it runs, what data it holds. */
  static SiteRecord recordOf(ConnectedNode node, Instant firstSeen) {
    Hello hello = node.hello();
    return new SiteRecord(node.site().value(), firstSeen, node.connectedAt(), null, null,
        node.certificateSerial(), hello.getSoftwareVersion(), hello.getBackend(), hello.getDevice(),
        hello.hasDataset() ? CanonicalJson.encode(datasetView(hello.getDataset())) : null);
  }

  private static DatasetView datasetView(DatasetSummary summary) {
    return new DatasetView(summary.getFingerprint(), splitView(summary.getTrain()),
        splitView(summary.getValidation()), splitView(summary.getTest()));
  }

  private static DatasetView.SplitView splitView(SplitCounts counts) {
    return new DatasetView.SplitView(List.copyOf(counts.getPerClassList()), counts.getPatients());
  }
}
