package org.oncofed.node.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.oncofed.common.files.AtomicFiles;

/**
 * Reads and writes the dataset index under the node's data folder. A new index is written to a
 * temporary file and moved over the old one atomically, so a failed or interrupted registration
 * never loses the previous one.
 */
public final class DatasetIndexStore {

  static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path dataDir;

  public DatasetIndexStore(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
  }

  public Path indexFile() {
    return dataDir.resolve("dataset").resolve("index.json");
  }

  public Optional<DatasetIndex> load() throws IOException {
    Path file = indexFile();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode tree = JSON.readTree(file.toFile());
    String format = tree.path("format").asText();
    int version = tree.path("version").asInt(-1);
    if (!DatasetIndex.FORMAT.equals(format)) {
      throw new IOException(file + " is not an OncoFed dataset index (format '" + format + "')");
    }
    if (version != DatasetIndex.VERSION) {
      throw new IOException(file + " has index version " + version + "; this node reads version "
          + DatasetIndex.VERSION);
    }
    return Optional.of(JSON.treeToValue(tree, DatasetIndex.class));
  }

  public void save(DatasetIndex index) throws IOException {
    Path file = indexFile();
    Files.createDirectories(file.getParent());
    AtomicFiles.replace(file, temporary -> JSON.writeValue(temporary.toFile(), index));
  }
}
