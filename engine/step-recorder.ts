/**
 * What one transition of the actor tree did, read from XState's public surfaces while it runs:
 *
 * - emitted effects, through `actor.on('*', …)` on every actor the system registers (the
 *   `@xstate.actor` inspection event hands the host each new actor ref);
 * - delayed events scheduled and cancelled, from the `@xstate.action` inspection event that XState
 *   sends for every action it executes, with the action's resolved `params`: `xstate.raise` and
 *   `xstate.sendTo` with a numeric `delay` (an `after` delay is an entry `raise` of that kind), and
 *   `xstate.cancel` with its `sendId` (an `after` state's exit cancels its timer this way);
 * - children's paths, from the snapshots that `@xstate.microstep` and `@xstate.snapshot` carry;
 * - optionally, the inspection events themselves, for the inspector.
 *
 * The recorder only collects. The host turns it into timers, effects and records after the
 * transition, when every actor involved has a path. `engine/xstate-contract.test.ts` pins each of
 * these behaviours.
 */
import type { AnyActorRef, AnyEventObject, InspectionEvent } from 'xstate';
import { ROOM_EFFECT_TYPES, type RoomEffect } from '../machines/machine-version';
import type { ActorPaths } from './actor-tree';

export type TimerOp =
  | {
      op: 'schedule';
      source: AnyActorRef;
      /** Read once the transition is over: a `sendTo` target named by id is resolved late by XState. */
      params: { event: AnyEventObject; id?: string; delay: number; to?: AnyActorRef | string };
      kind: 'xstate.raise' | 'xstate.sendTo';
    }
  | { op: 'cancel'; source: AnyActorRef; sendId: string };

export interface RecordedEffect {
  actor: AnyActorRef;
  effect: RoomEffect;
}

export interface Recording {
  effects: RecordedEffect[];
  timerOps: TimerOp[];
  inspection: InspectionEvent[];
}

export class StepRecorder {
  private effects: RecordedEffect[] = [];
  private timerOps: TimerOp[] = [];
  private inspection: InspectionEvent[] = [];
  /** Set once the root actor exists; snapshots seen before that are learnt from the tree instead. */
  paths: ActorPaths | null = null;

  /** Whether to keep the inspection events (the host turns it on and off; see GameHost.inspecting). */
  constructor(public keepInspection: boolean) {}

  /** The `inspect` option of the root actor. */
  readonly inspect = (event: InspectionEvent): void => {
    switch (event.type) {
      case '@xstate.actor': {
        const ref = event.actorRef as AnyActorRef;
        ref.on('*', (emitted: AnyEventObject) => {
          if (ROOM_EFFECT_TYPES.has(emitted.type)) this.effects.push({ actor: ref, effect: emitted as RoomEffect });
        });
        break;
      }
      case '@xstate.microstep':
      case '@xstate.snapshot':
        this.paths?.learnChildren(event.actorRef as AnyActorRef, event.snapshot);
        break;
      case '@xstate.action': {
        const { type, params } = event.action as { type: string; params: any };
        if ((type === 'xstate.raise' || type === 'xstate.sendTo') && typeof params?.delay === 'number') {
          this.timerOps.push({ op: 'schedule', source: event.actorRef as AnyActorRef, params, kind: type });
        } else if (type === 'xstate.cancel' && typeof params?.sendId === 'string') {
          this.timerOps.push({ op: 'cancel', source: event.actorRef as AnyActorRef, sendId: params.sendId });
        }
        break;
      }
    }
    if (this.keepInspection) this.inspection.push(event);
  };

  /** What was recorded since the last call, and a fresh start. */
  take(): Recording {
    const recording = { effects: this.effects, timerOps: this.timerOps, inspection: this.inspection };
    this.effects = [];
    this.timerOps = [];
    this.inspection = [];
    return recording;
  }
}
