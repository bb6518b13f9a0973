package org.oncofed.coordinator.release;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ReleaseRepository extends CrudRepository<ReleaseRecord, String> {

  Optional<ReleaseRecord> findByExperimentIdAndModelSha256(String experimentId, String modelSha256);

  List<ReleaseRecord> findAllOrderByReleasedAt();
}
