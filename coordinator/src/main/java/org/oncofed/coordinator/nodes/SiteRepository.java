package org.oncofed.coordinator.nodes;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface SiteRepository extends CrudRepository<SiteRecord, String> {

  List<SiteRecord> findAllOrderBySiteId();
}
