package org.oncofed.node.task;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.node.dataset.DatasetRegistration;
import org.oncofed.node.dataset.ProgressListener;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;

/** A node application for tests that drive it from a {@code FakeCoordinator} over mTLS. */
final class TestNodes {

  private TestNodes() {}

  /** Starts a node of {@code site} dialling the coordinator on {@code port}, with more settings. */
  static ApplicationContext start(DevPki pki, Credential site, Path dataDir, int port, Map<String, Object> settings) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("oncofed.tls.certificate", site.certificate().toString());
    properties.put("oncofed.tls.private-key", site.privateKey().toString());
    properties.put("oncofed.tls.ca", pki.caCertificate().toString());
    properties.put("oncofed.node.data-dir", dataDir.toString());
    properties.put("oncofed.node.link.coordinator", "localhost:" + port);
    properties.put("micronaut.server.port", -1);
    properties.putAll(settings);
    ApplicationContext context = ApplicationContext.run(properties);
    context.getBean(EmbeddedServer.class).start();
    return context;
  }

  /** Registers a small synthetic DICOM archive (6 patients) as the node's dataset. */
  static void registerSmallDataset(Path dir, Path dataDir) throws Exception {
    Path archive = dir.resolve("archive");
    SiteSynthesizer.Summary summary = SiteSynthesizer.synthesize(
        new SiteSynthesizer.Request(archive, "harbour", 6, 1, ScannerProfile.STANDARD, null));
    new DatasetRegistration(new Part10Reader(), Clock.systemUTC())
        .register(dataDir, archive, summary.labels(), ProgressListener.NONE);
  }
}
