package org.oncofed.common.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.runtime.EmbeddedApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a Micronaut service from a command line until the process is told to stop (Ctrl-C,
 * SIGTERM). Configuration files are layered over the built-in application.yml and under
 * environment variables. Startup failures become one line naming the problem and exit code 1.
 */
public final class ServiceRunner {

  private ServiceRunner() {}

  /**
   * Starts the service and blocks until the JVM shuts down.
   *
   * @param name what to call the service in messages ("coordinator", "node")
   * @param mainClass the application's main class (its package is scanned)
   * @param configFiles YAML files layered over application.yml, later files winning
   * @return the process exit code
   */
  public static int run(String name, Class<?> mainClass, List<Path> configFiles) throws InterruptedException {
    ApplicationContext context = start(name, mainClass, configFiles, System.err);
    if (context == null) {
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

  /**
   * Starts the service and returns its running context, or prints why it cannot start to
   * {@code errors} and returns null.
   */
  public static ApplicationContext start(String name, Class<?> mainClass, List<Path> configFiles, PrintStream errors) {
    List<PropertySource> sources = new ArrayList<>();
    for (int i = 0; i < configFiles.size(); i++) {
      try {
        // Above application.yml, below environment variables and system properties.
        sources.add(PropertySource.of(configFiles.get(i).toString(), readYaml(configFiles.get(i)),
            EnvironmentPropertySource.POSITION - configFiles.size() + i));
      } catch (IOException | RuntimeException e) {
        errors.println(name + ": cannot read configuration file " + configFiles.get(i) + ": " + Failures.rootMessage(e));
        return null;
      }
    }
    ApplicationContext context = ApplicationContext.builder()
        .mainClass(mainClass)
        .deduceEnvironment(false)
        .propertySources(sources.toArray(PropertySource[]::new))
        .build();
    try {
      // Not Micronaut.run(): it logs a stack trace and exits on its own when startup fails.
      context.start();
      context.findBean(EmbeddedApplication.class).ifPresent(application -> application.start());
      return context;
    } catch (RuntimeException e) {
      errors.println(name + ": cannot start: " + Failures.rootMessage(e));
      if (context.isRunning()) {
        context.close();
      }
      return null;
    }
  }

  private static Map<String, Object> readYaml(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new YamlPropertySourceLoader().read(file.toString(), in);
    }
  }
}
