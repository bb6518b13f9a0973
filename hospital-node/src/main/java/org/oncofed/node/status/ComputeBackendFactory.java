package org.oncofed.node.status;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Detects the ND4J backend once per process and logs it, so operators see CPU or GPU at startup. */
@Factory
class ComputeBackendFactory {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeBackendFactory.class);

  @Singleton
  ComputeBackend computeBackend() {
    ComputeBackend backend = ComputeBackend.detect();
    LOG.info("Compute backend: {} ({})", backend.name(), backend.device());
    return backend;
  }
}
