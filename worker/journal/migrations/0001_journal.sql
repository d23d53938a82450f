-- The audit journal: append-only game facts from every room, idempotent by fact id.
CREATE TABLE journal (
  fact_id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL,
  machine TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX journal_by_room ON journal (room_id, seq);
