-- Released models: a global model of a completed experiment, its model card exactly as signed,
-- and the coordinator's signature over it. Aggregate figures and hashes only, no patient data.
CREATE TABLE model_release (
    id                VARCHAR(36)      NOT NULL PRIMARY KEY,
    name              VARCHAR(200)     NOT NULL,
    experiment_id     VARCHAR(36)      NOT NULL,
    model_sha256      CHAR(64)         NOT NULL,
    released_by       VARCHAR(200)     NOT NULL,
    released_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    card_json         VARCHAR(1000000) NOT NULL,
    signature         VARCHAR(2000)    NOT NULL,
    signer_pem        VARCHAR(20000)   NOT NULL,
    CONSTRAINT model_release_once UNIQUE (experiment_id, model_sha256)
);
