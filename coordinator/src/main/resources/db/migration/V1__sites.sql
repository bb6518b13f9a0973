-- Hospital sites seen by the coordinator. Counts only: no patient data is ever stored here.
CREATE TABLE site (
    site_id                VARCHAR(63)  NOT NULL PRIMARY KEY,
    first_seen             TIMESTAMP WITH TIME ZONE NOT NULL,
    last_connected         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_disconnected      TIMESTAMP WITH TIME ZONE,
    last_disconnect_reason VARCHAR(500),
    certificate_serial     VARCHAR(64)  NOT NULL,
    software_version       VARCHAR(100) NOT NULL,
    backend                VARCHAR(100) NOT NULL,
    device                 VARCHAR(500) NOT NULL,
    dataset_json           VARCHAR(10000)
);
