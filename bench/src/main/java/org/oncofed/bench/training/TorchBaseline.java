package org.oncofed.bench.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.oncofed.bench.process.Worker;

/**
 * PyTorch on this machine: Debian's {@code python3-torch} under the system Python (other Pythons
 * on the PATH usually lack it). When it is missing the suite installs it with {@code apt-get},
 * if it runs as root on a Debian-like system and was not told otherwise; when that is impossible
 * the training ratio is skipped with the reason.
 */
final class TorchBaseline {

  private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
  private static final String SCRIPT = "small_cnn_torch.py";

  private final String python;
  private final Path work;

  private TorchBaseline(String python, Path work) {
    this.python = python;
    this.work = work;
  }

  /**
   * PyTorch ready to run, or the reason it is not.
   *
   * @param install whether to try {@code apt-get install python3-torch} when it is missing
   */
  static Availability locate(Path work, boolean install) throws IOException, InterruptedException {
    String python = Files.isExecutable(SYSTEM_PYTHON) ? SYSTEM_PYTHON.toString() : "python3";
    TorchBaseline torch = new TorchBaseline(python, work);
    if (torch.importable()) {
      return new Availability(Optional.of(torch), null);
    }
    if (!install) {
      return Availability.missing("PyTorch is not installed for " + python + " (apt-get install python3-torch), "
          + "and --no-install was given");
    }
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get")) || !"root".equals(System.getProperty("user.name"))) {
      return Availability.missing("PyTorch is not installed for " + python + " and cannot be installed here "
          + "(needs root and apt-get: apt-get install python3-torch)");
    }
    System.out.println("installing python3-torch with apt-get (once; the training baseline needs it)...");
    Path log = work.resolve("logs").resolve("apt-get.log");
    Files.createDirectories(log.getParent());
    Process apt = new ProcessBuilder("/usr/bin/apt-get", "install", "-y", "python3-torch")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!apt.waitFor(30, TimeUnit.MINUTES) || apt.exitValue() != 0 || !torch.importable()) {
      return Availability.missing("installing python3-torch failed; see " + log);
    }
    return new Availability(Optional.of(torch), null);
  }

  /** PyTorch, or why the ratio against it cannot be measured. */
  record Availability(Optional<TorchBaseline> torch, String reason) {
    static Availability missing(String reason) {
      return new Availability(Optional.empty(), reason);
    }
  }

  /**
   * Starts the PyTorch worker for one input size; it answers {@code measure <batches>}.
   *
   * @param globalPooling {@code avg} or {@code max}, as the catalogue's network pools globally
   */
  Worker start(int size, int batch, int threads, String globalPooling) throws IOException {
    Path script = work.resolve(SCRIPT);
    if (!Files.exists(script)) {
      try (InputStream in = TorchBaseline.class.getResourceAsStream(SCRIPT)) {
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<String> command = new ArrayList<>(List.of(python, script.toString(),
        Integer.toString(size), Integer.toString(batch), Integer.toString(threads), globalPooling));
    return Worker.start("pytorch " + size + " px", command, Map.of(),
        work.resolve("logs").resolve("pytorch-" + size + ".log"));
  }

  private boolean importable() throws IOException, InterruptedException {
    Process probe = new ProcessBuilder(python, "-c", "import torch")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return probe.waitFor(2, TimeUnit.MINUTES) && probe.exitValue() == 0;
  }
}
