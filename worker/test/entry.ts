/**
 * The Worker as the tests run it: the real entry and GameServer, with a registry that also holds
 * the test fixtures, and a clock the tests can move forward (stored in the room's SQLite so it
 * survives eviction). Everything else — storage, alarms, D1, sockets — is the real thing.
 */
import { catalog } from '../../machines/catalog';
import { createRegistry, type MachineRegistry } from '../../machines/registry';
import { GameServer as RealGameServer } from '../game-server';
import type { PushTransport } from '../push/outbox';
import { receivePush } from './push-service';
import { delayFormsV1 } from '../../engine/testing/fixtures/delay-forms';
import { prizePotV1 } from '../../engine/testing/fixtures/prize-pot';
import { timerLabV1, timerLabV2, timerLabV3, timerLabV4 } from '../../engine/testing/fixtures/timer-lab';

export { default } from '../index';

const registry = createRegistry([...catalog.list(), timerLabV1, timerLabV2, timerLabV3, timerLabV4, delayFormsV1, prizePotV1]);

/** What the lobby may create in tests: the catalog's versions and the fixtures with lobby support. */
export const testRegistry = registry;

export class GameServer extends RealGameServer {
  protected override registry(): MachineRegistry {
    return registry;
  }

  /** Pushes go to the test's own push service (push-service.ts), never to the network. */
  protected override pushTransport(): PushTransport {
    return receivePush;
  }

  protected override now(): number {
    this.ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS test_clock (id INTEGER PRIMARY KEY, skew INTEGER NOT NULL)');
    const row = this.ctx.storage.sql.exec<{ skew: number }>('SELECT skew FROM test_clock WHERE id = 1').toArray()[0];
    return Date.now() + (row?.skew ?? 0);
  }

  /** Moves this room's clock forward (tests only). */
  advanceClock(ms: number): void {
    this.ctx.storage.sql.exec(
      'INSERT INTO test_clock (id, skew) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET skew = skew + excluded.skew',
      ms,
    );
  }
}
