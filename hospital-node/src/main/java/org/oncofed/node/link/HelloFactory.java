package org.oncofed.node.link;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.BooleanSupplier;
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
  private final BooleanSupplier registrationChanged;
  private final Runnable useCurrentRegistration;

  @Inject
  HelloFactory(RuntimeEnvironment backend, LocalData data) {
    this(backend, data::summary, data::registrationChanged, data::useCurrentRegistration);
  }

  HelloFactory(RuntimeEnvironment backend, Supplier<Optional<DatasetSummary>> dataset,
      BooleanSupplier registrationChanged, Runnable useCurrentRegistration) {
    this.backend = backend;
    this.dataset = dataset;
    this.registrationChanged = registrationChanged;
    this.useCurrentRegistration = useCurrentRegistration;
  }

  /** True when a dataset was registered since the last Hello that could take it up. */
  boolean datasetChanged() {
    return registrationChanged.getAsBoolean();
  }

  /**
   * Built anew for every connection. When no task runs, a dataset registered meanwhile becomes the
   * one in use first, so the Hello announces the counts of the data later tasks run on.
   */
  Hello hello(String siteId, boolean idle) {
    if (idle) {
      useCurrentRegistration.run();
    }
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
