CREATE TABLE widget (
    id   UUID PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE widget_effect (
    event_id TEXT NOT NULL,
    name     TEXT NOT NULL
);
