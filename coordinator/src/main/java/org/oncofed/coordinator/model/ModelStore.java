package org.oncofed.coordinator.model;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.oncofed.common.files.AtomicFiles;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.ParameterEncoding;
import org.oncofed.common.model.Provenance;

/**
 * Model parameters on disk, content-addressed by SHA-256 under {@code <data-dir>/models}, with a
 * database row per experiment that uses them. Writing is atomic (temporary file, fsync, rename);
 * reading verifies the hash, so a damaged file is reported rather than served.
 */
@Singleton
public class ModelStore {

  private final Path directory;
  private final ModelRepository repository;
  private final Clock clock;

  ModelStore(@Value("${oncofed.coordinator.data-dir}") Path dataDir, ModelRepository repository, Clock clock) {
    this.directory = dataDir.toAbsolutePath().resolve("models");
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Stores parameters for an experiment (idempotent for the same content) and returns the row: the
   * file is on disk before the row is written, so a committed row always has its file.
   */
  public ModelRecord put(String experimentId, int round, ModelKind kind, @Nullable String siteId,
      EncodedParameters parameters, Provenance provenance) {
    write(parameters);
    return record(experimentId, round, kind, siteId, parameters, provenance);
  }

  /** Writes the parameters' file durably (fsync), if it is not there yet; no row. */
  public void write(EncodedParameters parameters) {
    String sha256 = parameters.sha256();
    Path target = file(sha256);
    if (Files.exists(target)) {
      return;
    }
    try {
      Files.createDirectories(target.getParent());
      AtomicFiles.replaceDurably(target, temporary -> {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          parameters.writeTo(out);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store model " + sha256 + " in " + directory, e);
    }
  }

  /**
   * The experiment's row for parameters already written with {@link #write}, within the caller's
   * transaction when there is one; the existing row when the experiment already holds this content.
   */
  public ModelRecord record(String experimentId, int round, ModelKind kind, @Nullable String siteId,
      EncodedParameters parameters, Provenance provenance) {
    String sha256 = parameters.sha256();
    Optional<ModelRecord> existing = repository.findByExperimentIdAndSha256(experimentId, sha256);
    if (existing.isPresent()) {
      return existing.get();
    }
    String provenanceJson = provenance.canonicalJson();
    return repository.save(new ModelRecord(UUID.randomUUID().toString(), experimentId, sha256, round, kind, siteId,
        parameters.encoding().name(), parameters.parameterCount(), parameters.sizeBytes(), clock.instant(),
        provenanceJson, Sha256.hex(provenanceJson)));
  }

  /** Reads and verifies a stored model's encoded parameters. */
  public EncodedParameters read(String sha256) {
    Path file = file(sha256);
    try {
      EncodedParameters parameters = EncodedParameters.of(ParameterEncoding.F32_LE_V1, Files.readAllBytes(file));
      if (!parameters.sha256().equals(sha256)) {
        throw new IllegalStateException("model file " + file + " is damaged: its content hashes to "
            + parameters.sha256() + ", expected " + sha256);
      }
      return parameters;
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("model " + sha256 + " is not in the store (" + file + " missing)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model file " + file, e);
    }
  }

  /** Opens a stored model for streaming (the caller closes the channel). */
  public FileChannel open(String sha256) throws IOException {
    return FileChannel.open(file(sha256), StandardOpenOption.READ);
  }

  /** Every model row of an experiment, by round. */
  public List<ModelRecord> all(String experimentId) {
    return repository.findByExperimentIdOrderByRoundNo(experimentId);
  }

  public Optional<ModelRecord> find(String experimentId, String sha256) {
    return repository.findByExperimentIdAndSha256(experimentId, sha256);
  }

  /** The file holding a model's parameters (which may not exist). */
  public Path file(String sha256) {
    Sha256.requireHexDigest(sha256, "model hash");
    return directory.resolve(sha256.substring(0, 2)).resolve(sha256 + ".f32");
  }
}
