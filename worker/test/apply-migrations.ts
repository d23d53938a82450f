import { applyD1Migrations, env } from 'cloudflare:test';

// Storage is isolated per test file; each file starts with a migrated, empty journal.
await applyD1Migrations(env.DB, (env as unknown as { TEST_MIGRATIONS: Parameters<typeof applyD1Migrations>[1] }).TEST_MIGRATIONS);
