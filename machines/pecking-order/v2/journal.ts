/** The journal facts of pecking-order@2: @1's kinds, and a cartridge's close. */
import type { RoomEffect } from '../../machine-version';
import { JOURNAL_KINDS as V1_JOURNAL_KINDS } from '../v1/journal';

export const JOURNAL_KINDS = {
  ...V1_JOURNAL_KINDS,
  'cartridge.revealed': 'A cartridge closed: `{ day, slot, name, silver, results }`, its secrets included.',
} as const;

export type JournalKind = keyof typeof JOURNAL_KINDS;

export function journalFact(kind: JournalKind, data: Record<string, unknown>): Extract<RoomEffect, { type: 'room.journal' }> {
  return { type: 'room.journal', kind, data };
}
