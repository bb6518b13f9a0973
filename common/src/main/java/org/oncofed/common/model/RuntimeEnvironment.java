package org.oncofed.common.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a model was computed: library versions, ND4J backend and device, Java, OS and CPU.
 * Recorded in provenance because floating-point results depend on them (BLAS kernels, CPU
 * instruction sets, cuDNN algorithms), which matters when a run is reproduced or compared.
 *
 * @param dl4jVersion version of deeplearning4j-nn
 * @param nd4jVersion version of nd4j-api
 * @param backend {@code cpu} or {@code cuda}
 * @param device the CPU model and cores, or the GPU(s) with compute capability and memory
 * @param blas BLAS library the backend uses
 */
public record RuntimeEnvironment(
    String dl4jVersion,
    String nd4jVersion,
    String backend,
    String device,
    String blas,
    String javaVersion,
    String javaVendor,
    String os,
    String osVersion,
    String cpuArch,
    int cpuCount) {

  private static final String UNKNOWN = "unknown";

  public RuntimeEnvironment {
    Objects.requireNonNull(dl4jVersion, "dl4jVersion");
    Objects.requireNonNull(nd4jVersion, "nd4jVersion");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(blas, "blas");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(javaVendor, "javaVendor");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(osVersion, "osVersion");
    Objects.requireNonNull(cpuArch, "cpuArch");
  }

  /** Describes this process; loads the ND4J backend if it is not loaded yet. */
  public static RuntimeEnvironment capture() {
    Properties nd4j = Nd4j.getExecutioner().getEnvironmentInformation();
    String backend = String.valueOf(nd4j.getOrDefault(Nd4jEnvironment.BACKEND_KEY, UNKNOWN)).toLowerCase(Locale.ROOT);
    return new RuntimeEnvironment(
        artifactVersion("org.deeplearning4j", "deeplearning4j-nn"),
        artifactVersion("org.nd4j", "nd4j-api"),
        backend,
        backend.equals("cuda") ? gpus(nd4j) : cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
        String.valueOf(nd4j.getOrDefault(Nd4jEnvironment.BLAS_VENDOR_KEY, UNKNOWN)).toLowerCase(Locale.ROOT),
        System.getProperty("java.version", UNKNOWN),
        System.getProperty("java.vendor", UNKNOWN),
        System.getProperty("os.name", UNKNOWN),
        System.getProperty("os.version", UNKNOWN),
        System.getProperty("os.arch", UNKNOWN),
        Runtime.getRuntime().availableProcessors());
  }

  /** One line for logs: backend, device and versions. */
  public String summary() {
    return "ND4J backend " + backend + " on " + device + " (BLAS " + blas + "), DL4J " + dl4jVersion
        + ", Java " + javaVersion + ", " + os + " " + osVersion + " " + cpuArch;
  }

  private static String gpus(Properties nd4j) {
    Object devices = nd4j.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY);
    if (!(devices instanceof List<?> list) || list.isEmpty()) {
      return "cuda device (no details reported)";
    }
    List<String> described = new ArrayList<>();
    for (Object entry : list) {
      if (entry instanceof Map<?, ?> device) {
        long totalBytes = device.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY) instanceof Number n ? n.longValue() : 0;
        described.add(
            device.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY) + " (compute "
                + device.get(Nd4jEnvironment.CUDA_DEVICE_MAJOR_VERSION_KEY) + "."
                + device.get(Nd4jEnvironment.CUDA_DEVICE_MINOR_VERSION_KEY) + ", "
                + totalBytes / (1 << 20) + " MiB)");
      }
    }
    return String.join("; ", described);
  }

  /** The CPU model name on Linux; the architecture elsewhere. */
  private static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    try {
      if (Files.isReadable(cpuinfo)) {
        for (String line : Files.readAllLines(cpuinfo)) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).strip();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Fall through: the model name is descriptive only.
    }
    return System.getProperty("os.arch", UNKNOWN) + " CPU";
  }

  /** Reads the version Maven wrote into the artifact's jar. */
  private static String artifactVersion(String groupId, String artifactId) {
    String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = Nd4j.class.getResourceAsStream(resource)) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", UNKNOWN);
    } catch (IOException e) {
      return UNKNOWN;
    }
  }
}
