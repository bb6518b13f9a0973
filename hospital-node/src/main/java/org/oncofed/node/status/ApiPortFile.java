package org.oncofed.node.status;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oncofed.common.files.AtomicFiles;

/**
 * Writes the local API's port to {@code <data-dir>/node-api.port} once the server is up, so that
 * {@code node status --data-dir DIR} finds a node started on a free port.
 */
@Singleton
class ApiPortFile implements ApplicationEventListener<ServerStartupEvent> {

  static final String FILE_NAME = "node-api.port";

  private final Path dataDir;

  ApiPortFile(@Value("${oncofed.node.data-dir}") Path dataDir) {
    this.dataDir = dataDir;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    try {
      Files.createDirectories(dataDir);
      String port = Integer.toString(event.getSource().getPort());
      AtomicFiles.replace(dataDir.resolve(FILE_NAME), temporary -> Files.writeString(temporary, port));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the local API port to " + dataDir.resolve(FILE_NAME), e);
    }
  }
}
