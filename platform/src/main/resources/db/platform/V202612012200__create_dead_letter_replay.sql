-- Dead letters ops sent back to their topic: each at most once (DeadLetters.replay).
CREATE TABLE dead_letter_replay (
    dlt_topic     TEXT        NOT NULL,
    dlt_partition INTEGER     NOT NULL,
    dlt_offset    BIGINT      NOT NULL,
    event_id      TEXT,
    replayed_at   TIMESTAMPTZ NOT NULL,
    replayed_by   UUID        NOT NULL,
    PRIMARY KEY (dlt_topic, dlt_partition, dlt_offset)
);
