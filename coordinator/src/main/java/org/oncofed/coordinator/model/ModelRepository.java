package org.oncofed.coordinator.model;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ModelRepository extends CrudRepository<ModelRecord, String> {

  Optional<ModelRecord> findByExperimentIdAndSha256(String experimentId, String sha256);

  Optional<ModelRecord> findFirstBySha256(String sha256);

  List<ModelRecord> findByExperimentIdOrderByRoundNo(String experimentId);
}
