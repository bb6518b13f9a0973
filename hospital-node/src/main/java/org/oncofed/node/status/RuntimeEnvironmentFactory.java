package org.oncofed.node.status;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.node.train.ComputeBackend;

/** The ND4J backend and device, detected once per process, for the Hello, status and provenance. */
@Factory
class RuntimeEnvironmentFactory {

  @Singleton
  RuntimeEnvironment runtimeEnvironment() {
    return ComputeBackend.environment();
  }
}
