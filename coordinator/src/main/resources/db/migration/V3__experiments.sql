-- Experiments, their rounds, the tasks sent to sites, evaluation results and stored models.
-- Counts, hashes and settings only: no patient data is ever stored by the coordinator.

CREATE TABLE experiment (
    id                   VARCHAR(36)      NOT NULL PRIMARY KEY,
    name                 VARCHAR(200)     NOT NULL,
    created_by           VARCHAR(200)     NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    config_json          VARCHAR(100000)  NOT NULL,
    config_sha256        CHAR(64)         NOT NULL,
    status               VARCHAR(20)      NOT NULL,
    status_reason        VARCHAR(2000),
    started_at           TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    current_round        INTEGER          NOT NULL,
    initial_model_sha256 CHAR(64),
    current_model_sha256 CHAR(64),
    best_model_sha256    CHAR(64),
    best_round           INTEGER,
    best_score           DOUBLE PRECISION,
    strategy_state       VARCHAR(1000000)
);

CREATE TABLE experiment_round (
    id                VARCHAR(36)     NOT NULL PRIMARY KEY,
    experiment_id     VARCHAR(36)     NOT NULL,
    round_no          INTEGER         NOT NULL,
    status            VARCHAR(20)     NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at         TIMESTAMP WITH TIME ZONE,
    base_model_sha256 CHAR(64)        NOT NULL,
    new_model_sha256  CHAR(64),
    selected_sites    VARCHAR(10000)  NOT NULL,
    failure_reason    VARCHAR(2000),
    train_loss        DOUBLE PRECISION
);
CREATE UNIQUE INDEX round_by_number ON experiment_round (experiment_id, round_no);

CREATE TABLE task (
    task_id        VARCHAR(36)     NOT NULL PRIMARY KEY,
    experiment_id  VARCHAR(36)     NOT NULL,
    round_no       INTEGER         NOT NULL,
    site_id        VARCHAR(63)     NOT NULL,
    kind           VARCHAR(20)     NOT NULL,
    model_sha256   CHAR(64)        NOT NULL,
    data_split     VARCHAR(40),
    status         VARCHAR(20)     NOT NULL,
    assigned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    reason         VARCHAR(2000),
    sample_count   BIGINT,
    result_sha256  CHAR(64),
    metrics_json   VARCHAR(10000)
);
CREATE INDEX task_by_round ON task (experiment_id, round_no);
CREATE UNIQUE INDEX task_result_once ON task (experiment_id, result_sha256);

CREATE TABLE evaluation (
    task_id        VARCHAR(36)     NOT NULL PRIMARY KEY,
    experiment_id  VARCHAR(36)     NOT NULL,
    round_no       INTEGER         NOT NULL,
    site_id        VARCHAR(63)     NOT NULL,
    data_split     VARCHAR(40)     NOT NULL,
    model_sha256   CHAR(64)        NOT NULL,
    counts_json    VARCHAR(100000) NOT NULL,
    loss           DOUBLE PRECISION NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX evaluation_by_experiment ON evaluation (experiment_id, round_no);

-- The same content may serve several experiments (files are content-addressed, rows are not).
CREATE TABLE model (
    id                VARCHAR(36)     NOT NULL PRIMARY KEY,
    experiment_id     VARCHAR(36)     NOT NULL,
    sha256            CHAR(64)        NOT NULL,
    round_no          INTEGER         NOT NULL,
    kind              VARCHAR(20)     NOT NULL,
    site_id           VARCHAR(63),
    encoding          VARCHAR(40)     NOT NULL,
    parameter_count   BIGINT          NOT NULL,
    size_bytes        BIGINT          NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    provenance_json   VARCHAR(1000000) NOT NULL,
    provenance_sha256 CHAR(64)        NOT NULL
);
CREATE UNIQUE INDEX model_by_hash ON model (experiment_id, sha256);
