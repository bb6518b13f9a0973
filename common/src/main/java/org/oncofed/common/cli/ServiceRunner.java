package org.oncofed.common.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs a Micronaut service from a command line until the process is told to stop (Ctrl-C,
 * SIGTERM). Startup failures become one line naming the problem and exit code 1.
 */
public final class ServiceRunner {

  private ServiceRunner() {}

  /**
   * @param name what to call the service in messages ("coordinator", "node")
   * @param mainClass the application's main class (its package is scanned)
   * @param configFiles YAML files layered over the built-in application.yml
   * @return the process exit code
   */
  public static int run(String name, Class<?> mainClass, List<Path> configFiles) throws InterruptedException {
    for (Path file : configFiles) {
      if (!Files.isReadable(file)) {
        System.err.println(name + ": configuration file " + file + " is missing or not readable");
        return 2;
      }
    }
    if (!configFiles.isEmpty()) {
      System.setProperty("micronaut.config.files",
          configFiles.stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    ApplicationContext context;
    try {
      context = Micronaut.build(new String[0]).mainClass(mainClass).banner(false).start();
    } catch (RuntimeException e) {
      System.err.println(name + ": cannot start: " + Failures.rootMessage(e));
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (context.isRunning()) {
        context.stop();
      }
      stopped.countDown();
    }, name + "-shutdown"));
    stopped.await();
    return 0;
  }
}
