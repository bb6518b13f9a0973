package org.oncofed.coordinator.experiment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface EvaluationRepository extends CrudRepository<EvaluationRecord, String> {

  List<EvaluationRecord> findByExperimentIdOrderByRoundNo(String experimentId);

  List<EvaluationRecord> findByExperimentIdAndRoundNoAndDataSplit(String experimentId, int roundNo, String dataSplit);
}
