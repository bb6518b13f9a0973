package org.oncofed.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java process the demo started (the coordinator or a node), its output going to a log file.
 * Stopping sends SIGTERM so that the process shuts down cleanly, and kills it only if it hangs.
 */
final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(String name, Path jar, List<String> arguments, Path log) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar + " not found: build with ./mvnw -DskipTests package (./oncofed does it for you)");
    }
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    // ND4J's OpenMP threads otherwise spin while idle, and the demo's processes share the cores.
    builder.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
    Process process = builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return new ChildProcess(name, process, log);
  }

  /** Waits for the process to end by itself; its exit code. */
  int awaitExit(Duration timeout) throws IOException, InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IOException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
    }
    return process.exitValue();
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Fails naming the process and the end of its log if it has exited. */
  void requireAlive() throws IOException {
    if (!process.isAlive()) {
      throw new IOException(name + " exited with code " + process.exitValue() + "; last lines of " + log + ":\n" + tail(15));
    }
  }

  /** The last lines of the log, for error messages. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * SIGTERM, then up to 15 s for a clean exit, then SIGKILL.
   *
   * @return true if the process ended by itself: exit code 0, or 143 for a JVM that ran its
   *     shutdown hooks after SIGTERM
   */
  boolean stopCleanly() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        return false;
      }
    }
    return process.exitValue() == 0 || process.exitValue() == 128 + 15;
  }

  /** Freezes the process (SIGSTOP), as a hung host or a long pause would; {@link #thaw} resumes it. */
  void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Resumes a frozen process (SIGCONT). */
  void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("could not send SIG" + name + " to " + name() + " (pid " + process.pid() + ")");
    }
  }

  /** SIGKILL: no shutdown hooks run. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    stopCleanly();
  }
}
