package org.oncofed.node.link;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Supplier;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.node.localdata.LocalData;
import org.oncofed.proto.federation.v1.DatasetSummary;
import org.oncofed.proto.federation.v1.Hello;

/** Builds the Hello a node introduces itself with: site, software, compute backend, catalogue, dataset counts. */
@Singleton
class HelloFactory {

  static final String VERSION = HelloFactory.class.getPackage().getImplementationVersion() == null
      ? "dev" : HelloFactory.class.getPackage().getImplementationVersion();

  private final RuntimeEnvironment backend;
  private final Supplier<Optional<DatasetSummary>> dataset;

  @Inject
  HelloFactory(RuntimeEnvironment backend, LocalData data) {
    this(backend, data::summary);
  }

  HelloFactory(RuntimeEnvironment backend, Supplier<Optional<DatasetSummary>> dataset) {
    this.backend = backend;
    this.dataset = dataset;
  }

  /** Built anew for every connection, so that a dataset registered meanwhile is announced. */
  Hello hello(String siteId) {
    Hello.Builder hello = Hello.newBuilder()
        .setSiteId(siteId)
        .setSoftwareVersion(VERSION)
        .setBackend(backend.backend())
        .setDevice(backend.device())
        .addAllCatalogue(ModelCatalogue.standard().names());
    dataset.get().ifPresent(hello::setDataset);
    return hello.build();
  }
}
