package org.nd4j.nativeblas;

/**
 * Compatibility bridge for DL4J 1.0.0-M2.1, whose layers decide whether they may hand convolution,
 * pooling and batch normalisation to oneDNN by looking up this class by name and calling
 * {@code Environment.getInstance().isUseMKLDNN()}. The ND4J of the same release renamed the class
 * ({@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu}), so without this bridge the lookup fails
 * and every layer falls back to DL4J's own im2col code, about five times slower on CPU. It must
 * carry this exact name; it answers from the native library's own build information, so it
 * reports oneDNN only where ND4J was built with it (the {@code -onednn} classifiers).
 */
public final class Nd4jCpu {

  private Nd4jCpu() {}

  /** What DL4J's {@code BaseMKLDNNHelper} asks. */
  public static final class Environment {

    private static final Environment INSTANCE = new Environment();

    /** The native build lists its optional parts, {@code HAVE_ONEDNN} among them, in its build information. */
    private final boolean oneDnn = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");

    private Environment() {}

    public static Environment getInstance() {
      return INSTANCE;
    }

    /** True when the loaded ND4J native library includes oneDNN. */
    public boolean isUseMKLDNN() {
      return oneDnn;
    }
  }
}
