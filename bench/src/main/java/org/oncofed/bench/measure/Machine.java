package org.oncofed.bench.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a run measured, as the report states it: CPU, cores, memory, operating system, Java,
 * and the load average, which says how much else was running.
 */
public record Machine(String cpu, int cores, long memoryBytes, String os, String java) {

  private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
  private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

  public static Machine describe() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(
        cpuModel().orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }

  /** The 1, 5 and 15 minute load averages, or the JVM's 1 minute figure where /proc is missing. */
  public static double[] loadAverage() {
    try {
      String[] fields = Files.readString(LOAD_AVERAGE).trim().split("\\s+");
      return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])};
    } catch (IOException | RuntimeException e) {
      return new double[] {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
    }
  }

  public static String loadAverageText() {
    double[] load = loadAverage();
    StringBuilder text = new StringBuilder();
    for (double value : load) {
      text.append(text.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.2f", value));
    }
    return text.toString();
  }

  public String summary() {
    return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB, %s, %s", cpu, cores, memoryBytes / (double) (1L << 30),
        os, java);
  }

  private static Optional<String> cpuModel() {
    try {
      return Files.readAllLines(CPU_INFO).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
