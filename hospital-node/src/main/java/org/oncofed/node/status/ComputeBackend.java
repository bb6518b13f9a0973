package org.oncofed.node.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J backend this node computes with ({@code cpu} or {@code cuda}) and on what device. The
 * same code runs on both; only the backend jar on the classpath differs.
 */
public record ComputeBackend(String name, String device) {

  /** Initialises ND4J (loading its native library) and describes the backend it chose. */
  public static ComputeBackend detect() {
    Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
    String backend = String.valueOf(environment.getOrDefault("backend", "unknown")).toLowerCase(Locale.ROOT);
    if (environment.get("cuda.devicesInformation") instanceof List<?> devices && !devices.isEmpty()) {
      String names = devices.stream()
          .map(device -> device instanceof Map<?, ?> map ? String.valueOf(map.get("cuda.deviceName")) : "?")
          .reduce((a, b) -> a + ", " + b)
          .orElse("?");
      return new ComputeBackend(backend, names);
    }
    return new ComputeBackend(backend, environment.getOrDefault("cores", "?") + " cores, "
        + environment.getOrDefault("blas.vendor", "?") + " BLAS");
  }
}
