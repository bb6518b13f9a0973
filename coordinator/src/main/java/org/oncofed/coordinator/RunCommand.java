package org.oncofed.coordinator;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.oncofed.common.cli.Failures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coordinator run}: starts the federation service and REST API and runs until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the coordinator (gRPC federation service and REST API) until interrupted.")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML file(s) overriding the built-in application.yml; ONCOFED_* environment variables override both.")
  private List<Path> configFiles = List.of();

  @Override
  public Integer call() throws InterruptedException {
    for (Path file : configFiles) {
      if (!Files.isReadable(file)) {
        System.err.println("coordinator: configuration file " + file + " is missing or not readable");
        return 2;
      }
    }
    if (!configFiles.isEmpty()) {
      System.setProperty("micronaut.config.files",
          configFiles.stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    ApplicationContext context;
    try {
      context = Micronaut.build(new String[0]).mainClass(CoordinatorCommand.class).banner(false).start();
    } catch (RuntimeException e) {
      System.err.println("coordinator: cannot start: " + Failures.rootMessage(e));
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (context.isRunning()) {
        context.stop();
      }
      stopped.countDown();
    }, "coordinator-shutdown"));
    stopped.await();
    return 0;
  }
}
