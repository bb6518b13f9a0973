package org.oncofed.node.train;

import org.nd4j.nativeblas.Nd4jCpu;
import org.oncofed.common.model.RuntimeEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ND4J backend this node computes on (CPU, or CUDA when built with the {@code cuda}
 * profile), set up and described once per process and logged the first time it is asked for.
 *
 * <p>On CPU, DL4J's layers are allowed to hand convolution, pooling and batch normalisation to
 * oneDNN where the ND4J build includes it (the default {@code linux-x86_64-onednn} classifier, see
 * {@link Nd4jCpu}): DL4J 1.0.0-M2.1 keeps these layer helpers off unless the system property
 * {@value #HELPERS_DISABLED} is {@code false}. A value given on the command line is respected.
 *
 * <p>The log line also names the process's glibc malloc settings: oneDNN allocates its scratch
 * buffers on every layer call, and without the settings the {@code oncofed} launcher gives nodes,
 * a quarter of training time goes to the kernel zero-filling those buffers' pages again
 * (docs/performance.md). They can only be set before the process starts.
 */
public final class ComputeBackend {

  static final String HELPERS_DISABLED = "org.eclipse.deeplearning4j.helpers.disable";
  static final String MALLOC_SETTINGS = "GLIBC_TUNABLES";

  private static final Logger LOG = LoggerFactory.getLogger(ComputeBackend.class);

  private ComputeBackend() {}

  /** Backend, device and versions, for logs, provenance and the node's Hello. */
  public static RuntimeEnvironment environment() {
    return Holder.ENVIRONMENT;
  }

  private static final class Holder {
    static final RuntimeEnvironment ENVIRONMENT = setUpAndLog();

    private static RuntimeEnvironment setUpAndLog() {
      RuntimeEnvironment environment = RuntimeEnvironment.capture();
      boolean cpu = environment.backend().equals("cpu");
      if (cpu && System.getProperty(HELPERS_DISABLED) == null) {
        System.setProperty(HELPERS_DISABLED, "false");
      }
      boolean oneDnn = cpu && !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLED))
          && Nd4jCpu.Environment.getInstance().isUseMKLDNN();
      String malloc = System.getenv(MALLOC_SETTINGS);
      LOG.info("Training and evaluation use {}{}; {}", environment.summary(), oneDnn ? ", layers on oneDNN" : "",
          malloc == null ? MALLOC_SETTINGS + " not set (glibc defaults)" : MALLOC_SETTINGS + "=" + malloc);
      return environment;
    }
  }
}
