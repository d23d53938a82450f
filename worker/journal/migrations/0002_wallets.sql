-- Gold that follows a player across games: one wallet per user id, and one credit per room and user.
-- The credit's primary key makes a room's payout idempotent: a replayed flush inserts nothing, and
-- the wallet only moves for a credit not yet applied (both in the same D1 batch, a transaction).
CREATE TABLE wallets (
  user_id TEXT PRIMARY KEY,
  gold INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);
CREATE TABLE wallet_credits (
  room_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  player_id TEXT NOT NULL,
  machine TEXT NOT NULL,
  gold INTEGER NOT NULL,
  at INTEGER NOT NULL,
  applied INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (room_id, user_id)
);
