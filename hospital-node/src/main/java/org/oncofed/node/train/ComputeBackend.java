package org.oncofed.node.train;

import org.oncofed.common.model.RuntimeEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ND4J backend this node computes on (CPU, or CUDA when built with the {@code cuda}
 * profile), described once per process and logged the first time it is asked for.
 */
public final class ComputeBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeBackend.class);

  private ComputeBackend() {}

  /** Backend, device and versions, for logs, provenance and the node's Hello. */
  public static RuntimeEnvironment environment() {
    return Holder.ENVIRONMENT;
  }

  private static final class Holder {
    static final RuntimeEnvironment ENVIRONMENT = captureAndLog();

    private static RuntimeEnvironment captureAndLog() {
      RuntimeEnvironment environment = RuntimeEnvironment.capture();
      LOG.info("Training and evaluation use {}", environment.summary());
      return environment;
    }
  }
}
