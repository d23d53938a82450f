/**
 * Scripted bot players. A bot's move is a pure function of its own projection and a seeded random
 * source: it sees exactly what a player's phone sees, so the same bots can drive a real room over
 * WebSockets (the benchmark and load tools) as well as a simulated one.
 *
 * A bot votes and picks as soon as it may, then chats, DMs and gives silver now and then, always
 * within the limits its view shows, so a bot's move is never refused.
 */
import type { PlayerView } from '../v1/projection';
import type { CartridgeView } from '../v2/projection';
import type { BallotKind } from '../rules';

export interface BotMove {
  type:
    | 'chat.post'
    | 'dm.send'
    | 'silver.transfer'
    | 'vote.cast'
    | 'activity.pick'
    | 'prompt.answer'
    | 'dilemma.donate'
    | 'dilemma.spotlight'
    | 'confession.post'
    | 'whisper.send'
    | 'nudge.send';
  payload: Record<string, unknown>;
}

/** How chatty a bot is: the chance, per move, of each social action once its duties are done. */
export interface BotTemper {
  chat: number;
  dm: number;
  transfer: number;
}

export const DEFAULT_TEMPER: BotTemper = { chat: 0.3, dm: 0.3, transfer: 0.1 };

const LINES = [
  'Good morning, flock.',
  'Who is plotting against me?',
  'I trust nobody and everybody.',
  'Silver talks.',
  'Keep your friends close.',
  'Anyone want to team up?',
  'That vote was wild.',
  'I have a plan.',
];

const choose = <T>(items: readonly T[], rng: () => number): T | undefined =>
  items.length === 0 ? undefined : items[Math.floor(rng() * items.length)];

/** A line with a random tag, so every message a bot sends is distinct (tests look for them). */
function line(rng: () => number): string {
  return `${choose(LINES, rng)} #${Math.floor(rng() * 2 ** 32).toString(36)}`;
}

function voteMove(view: PlayerView, rng: () => number): BotMove | null {
  const vote = view.vote;
  if (!vote?.open) return null;
  const kinds = Object.keys(vote.targets) as BallotKind[];
  const pending = kinds.filter((kind) => (vote.targets[kind]?.length ?? 0) > 0 && !vote.myBallot?.[kind]);
  if (pending.length === 0) return null;
  const payload: Record<string, string> = {};
  for (const kind of pending) payload[kind] = choose(vote.targets[kind]!, rng)!;
  return { type: 'vote.cast', payload };
}

function pickMove(view: PlayerView, rng: () => number): BotMove | null {
  const activity = view.activity;
  if (!activity?.open || activity.myPick !== null || activity.targets.length === 0) return null;
  return { type: 'activity.pick', payload: { target: choose(activity.targets, rng)! } };
}

/**
 * pecking-order@2's cartridges (an @1 view has none): answer the prompt, name someone in the
 * SPOTLIGHT, and pledge to the SILVER_GAMBIT two times in three (so some gambits fail), each once.
 */
function cartridgeMove(view: PlayerView, rng: () => number): BotMove | null {
  const cartridges = (view as PlayerView & { cartridges?: CartridgeView[] }).cartridges ?? [];
  for (const cartridge of cartridges) {
    if (!cartridge.open) continue;
    if (cartridge.slot === 'prompt' && cartridge.canAnswer && cartridge.myAnswer === null) {
      return { type: 'prompt.answer', payload: { option: rng() < 0.5 ? 'A' : 'B' } };
    }
    if (cartridge.slot === 'dilemma' && cartridge.canAct) {
      if (cartridge.name === 'SPOTLIGHT' && cartridge.myName === null && cartridge.targets.length > 0) {
        return { type: 'dilemma.spotlight', payload: { target: choose(cartridge.targets, rng)! } };
      }
      if (cartridge.name === 'SILVER_GAMBIT' && !cartridge.myPledge && view.me.silver >= cartridge.stake && rng() < 0.67) {
        return { type: 'dilemma.donate', payload: {} };
      }
    }
  }
  return null;
}

function others(view: PlayerView): string[] {
  return view.cast.filter((member) => member.alive && member.playerId !== view.playerId).map((m) => m.playerId);
}

function dmMove(view: PlayerView, rng: () => number): BotMove | null {
  const { dms } = view;
  if (!view.open.dms || view.me.silver < dms.costPerMessage || dms.charsLeft <= 0) return null;
  const alive = others(view);
  const existing = dms.conversationsWith.filter((id) => alive.includes(id));
  const fresh = alive.filter((id) => !dms.conversationsWith.includes(id));
  const to = dms.conversationsLeft > 0 && (existing.length === 0 || rng() < 0.5) ? choose(fresh, rng) : choose(existing, rng);
  if (!to) return null;
  const text = [...line(rng)].slice(0, dms.charsLeft).join('');
  return { type: 'dm.send', payload: { to, text } };
}

function transferMove(view: PlayerView, rng: () => number): BotMove | null {
  if (!view.open.transfers || view.me.silver < 1) return null;
  const to = choose(others(view), rng);
  if (!to) return null;
  return { type: 'silver.transfer', payload: { to, amount: 1 + Math.floor(rng() * Math.min(5, view.me.silver)) } };
}

/**
 * Now and then, a move of the social cartridges of the day (confess, whisper, nudge someone not
 * nudged yet), within what the view allows. A view without them draws nothing, so @1 games by
 * bots play exactly as they did.
 */
function socialMove(view: PlayerView, rng: () => number): BotMove | null {
  const cartridges = ((view as PlayerView & { cartridges?: CartridgeView[] }).cartridges ?? []).filter((c) => c.open);
  const moves: (() => BotMove | null)[] = [];
  for (const c of cartridges) {
    if (c.slot === 'confessions' && c.canPost) moves.push(() => ({ type: 'confession.post', payload: { text: line(rng) } }));
    if (c.slot === 'whispers' && c.canWhisper) {
      moves.push(() => {
        const to = choose(others(view), rng);
        return to ? { type: 'whisper.send', payload: { to, text: line(rng) } } : null;
      });
    }
    if (c.slot === 'nudges' && c.canNudge) {
      moves.push(() => {
        const to = choose(
          others(view).filter((id) => !c.sent.includes(id)),
          rng,
        );
        return to ? { type: 'nudge.send', payload: { to } } : null;
      });
    }
  }
  if (moves.length === 0) return null;
  return rng() < SOCIAL_CHANCE ? choose(moves, rng)!() : null;
}

/** The chance, per idle move, that a bot plays a social cartridge open today. */
const SOCIAL_CHANCE = 0.3;

/** The bot's next move, or null to do nothing now. Pure in (view, rng). */
export function decideBotMove(view: PlayerView, rng: () => number, temper: BotTemper = DEFAULT_TEMPER): BotMove | null {
  const duty = voteMove(view, rng) ?? pickMove(view, rng) ?? cartridgeMove(view, rng);
  if (duty) return duty;
  if (!view.me.alive) return null;
  const roll = rng();
  if (roll < temper.chat) return view.open.groupChat ? { type: 'chat.post', payload: { text: line(rng) } } : null;
  if (roll < temper.chat + temper.dm) return dmMove(view, rng);
  if (roll < temper.chat + temper.dm + temper.transfer) return transferMove(view, rng);
  return socialMove(view, rng);
}
