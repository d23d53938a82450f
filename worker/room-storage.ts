/**
 * The slice of Durable Object storage the room uses: synchronous SQL and synchronous transactions.
 * Keeping it this small is what lets a test harness or another runtime host a room with a thin
 * adapter (any SQLite with the same two calls).
 */
export interface RoomStorage {
  sql: SqlStorage;
  /** Runs `fn` in one SQLite transaction: every write in it lands together or not at all. */
  transaction<T>(fn: () => T): T;
}

export function roomStorageOf(storage: DurableObjectStorage): RoomStorage {
  return {
    sql: storage.sql,
    transaction: (fn) => storage.transactionSync(fn),
  };
}

type SqlValue = string | number | null | ArrayBuffer;

/** Runs a query and returns its rows as plain objects. */
export function rows<T>(sql: SqlStorage, query: string, ...bindings: SqlValue[]): T[] {
  return sql.exec(query, ...bindings).toArray() as T[];
}

/** Runs a query and returns its first row, if any. */
export function firstRow<T>(sql: SqlStorage, query: string, ...bindings: SqlValue[]): T | undefined {
  return rows<T>(sql, query, ...bindings)[0];
}
