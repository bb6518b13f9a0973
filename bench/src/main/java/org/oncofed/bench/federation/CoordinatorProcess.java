package org.oncofed.bench.federation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.bench.process.RuntimeClasspath;
import org.oncofed.bench.process.Worker;
import org.oncofed.certs.DevPki;
import org.oncofed.node.NodeCommand;

/** The parent's handle on a {@link CoordinatorHost} child: its ports and its commands. */
final class CoordinatorProcess implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final Duration COMMAND = Duration.ofMinutes(10);

  private final Worker worker;
  private final int federationPort;
  private final int httpsPort;
  private final int barePort;

  private CoordinatorProcess(Worker worker, int federationPort, int httpsPort, int barePort) {
    this.worker = worker;
    this.federationPort = federationPort;
    this.httpsPort = httpsPort;
    this.barePort = barePort;
  }

  /** Starts the coordinator in {@code work/coordinator}, without the node's classes on its class path. */
  static CoordinatorProcess start(Path work, DevPki pki) throws IOException, InterruptedException {
    Worker worker = Worker.start("coordinator",
        Worker.java(RuntimeClasspath.current().without(NodeCommand.class).last(CoordinatorHost.class).withoutManifests(work.resolve("classpath")),
            List.of("-Xmx3g"), CoordinatorHost.class,
            CoordinatorHost.arguments(work.resolve("coordinator"), pki.dir())),
        Map.of(), work.resolve("logs").resolve("coordinator.log"));
    try {
      String[] ready = worker.answer(STARTUP).split(" ");
      return new CoordinatorProcess(worker, Integer.parseInt(ready[1]), Integer.parseInt(ready[2]),
          Integer.parseInt(ready[3]));
    } catch (IOException | RuntimeException e) {
      worker.close();
      throw e;
    }
  }

  int federationPort() {
    return federationPort;
  }

  int httpsPort() {
    return httpsPort;
  }

  int barePort() {
    return barePort;
  }

  /** Stores a random model of {@code bytes}; returns its hash and parameter count. */
  String[] storeModel(long bytes) throws IOException, InterruptedException {
    return worker.call("model " + bytes, COMMAND).split(" ");
  }

  /** Opens a transfer round; returns task id by site. */
  Map<String, String> open(int round, List<String> sites) throws IOException, InterruptedException {
    Map<String, String> tasks = new LinkedHashMap<>();
    for (String pair : worker.call("open " + round + " " + String.join(",", sites), COMMAND).split(" ")) {
      String[] siteAndTask = pair.split("=");
      tasks.put(siteAndTask[0], siteAndTask[1]);
    }
    return tasks;
  }

  /** Aggregates a transfer round; returns the number of accepted updates. */
  int close(int round) throws IOException, InterruptedException {
    return Integer.parseInt(worker.call("close " + round, COMMAND));
  }

  @Override
  public void close() throws InterruptedException {
    worker.close();
  }
}
