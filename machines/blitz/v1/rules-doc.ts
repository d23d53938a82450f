/**
 * Blitz's section of docs/game-rules.md, rendered from the constants blitz@1 runs on (presets,
 * round plan, the shared vote rules and pecking-order's economy), so it cannot drift from the code.
 * Self-contained: whatever composes game-rules.md appends it whole (today pecking-order@1's
 * renderGameRulesDoc, whose test compares the file).
 */
import { VOTE_RULES } from '../../pecking-order/rules';
import { ECONOMY } from '../../pecking-order/v1/economy';
import { formatDuration } from '../../pecking-order/v1/rules-doc';
import {
  BLITZ_MAX_PLAYERS,
  BLITZ_MIN_PLAYERS,
  BLITZ_PRESETS,
  BLITZ_PRESET_NAMES,
  blitzDuration,
  roundCount,
  roundLengths,
} from './presets';
import { BLITZ_VOTE_TYPES, DEFAULT_ROUND_VOTE, FINALISTS } from './round-plan';

export function renderBlitzRulesSection(): string {
  const sizes = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return [
    '# Blitz: a second game mode (`blitz@1`)',
    '',
    `Pecking Order in one sitting: ${BLITZ_MIN_PLAYERS}–${BLITZ_MAX_PLAYERS} players, 20–40 minutes. The same personas, chat,`,
    'DMs, silver and votes as above, in rounds of a few minutes instead of days.',
    '',
    '## Shape of a game',
    '',
    '- **Pregame**, from creation until round 1: the group chat is open; no DMs, no silver moves, no vote.',
    `- **Rounds 1…N−1**, one per player but the ${FINALISTS} finalists. Each round is **chat** (\`social\`: group chat,`,
    '  DMs and silver transfers open), then the **vote** (`voting`: ballots secret until it closes), then the',
    '  **reveal** (`results`): every ballot and the result are shown, the player voted out leaves at once and',
    `  joins the jury, and the gold pool grows by ${ECONOMY.goldPerNight}. Group chat, DMs and transfers stay open all round.`,
    `- **Round N, the final**: the same round with the FINALS vote: the jury (everyone voted out) crowns one of the`,
    '  two finalists. Its reveal ends the game; the winner takes the gold pool.',
    '',
    'Gold follows a player across games: when the lobby gave the winner an identity (`userId`), their gold is',
    "credited to that identity's wallet once, at game over, and the next game's cast shows what each member carries",
    'in. A game the host ends has no winner and pays nothing.',
    '',
    'Blitz has no morning, no night and no activity (`activity.pick` is refused with `ACTIVITY_CLOSED`). The DM',
    `allowance (${ECONOMY.newConversationsPerDay} new conversations, ${ECONOMY.dmCharsPerDay.toLocaleString('en-US')} characters) is per round. Everything else (limits, costs, refusal`,
    'codes, what each player sees) is as in pecking-order@1: blitz runs its rules and its vote box.',
    '',
    '## Manifest',
    '',
    '| field | what |',
    '|---|---|',
    `| \`preset\` | ${BLITZ_PRESET_NAMES.map((name) => `\`${name}\``).join(', ')}: how long the game lasts; each suits some cast sizes (below) |`,
    '| `scheduling` | `PRE_SCHEDULED` (the room’s durable timers run every step) or `ADMIN` (the host advances each step) |',
    `| \`rounds?\` | each elimination round’s \`voteType\`, one per player but the finalists: ${BLITZ_VOTE_TYPES.map((t) => `\`${t}\``).join(', ')}; absent: \`${DEFAULT_ROUND_VOTE}\` every round |`,
    `| \`startingSilver?\` | as in pecking-order (default ${ECONOMY.startingSilver}) |`,
    '',
    'It is refused at init, with the field it concerns, when the cast is outside',
    `${BLITZ_MIN_PLAYERS}–${BLITZ_MAX_PLAYERS}, when the preset does not suit the cast's size, when \`rounds\` does not have one`,
    "entry per elimination round, or when a round's vote needs more players than it will have (round k starts",
    `with players − (k − 1); ${BLITZ_VOTE_TYPES.map((t) => `${t} ${VOTE_RULES[t].minAlive}`).join(', ')}).`,
    '',
    '## Presets',
    '',
    'A preset is a length; the rounds share what the pregame leaves, each 60 % chat, 30 % vote and 10 % reveal (in',
    'whole seconds), so a bigger cast plays more, shorter rounds.',
    '',
    '| preset | players | rounds | chat | vote | reveal | game (creation to game over) |',
    '|---|---|---|---|---|---|---|',
    ...BLITZ_PRESET_NAMES.flatMap((name) => {
      const preset = BLITZ_PRESETS[name];
      return sizes(preset.castSize.min, preset.castSize.max).map((players) => {
        const { chat, vote, reveal } = roundLengths(preset, players);
        const total = formatDuration(blitzDuration(preset, players));
        return `| \`${name}\` | ${players} | ${roundCount(players)} | ${formatDuration(chat)} | ${formatDuration(vote)} | ${formatDuration(reveal)} | ${total} |`;
      });
    }),
    '',
    `Every preset's pregame is ${[...new Set(BLITZ_PRESET_NAMES.map((n) => formatDuration(BLITZ_PRESETS[n].pregame)))].join(', ')}.`,
    '',
    '## The host',
    '',
    'The host advances a step (`admin.advance`, the only way on in an `ADMIN` game), credits or debits silver,',
    'posts to the group chat and ends the game without a winner, as in pecking-order. A host elimination is',
    'refused (`CAST_TOO_SMALL`): every round already puts one player out, so the rounds left need everyone',
    'still in; the dashboard offers none.',
    '',
    '## Pushes',
    '',
    'A player who asked for notifications is pushed when each vote opens, when the final starts and at game over',
    '(public words only: no ballot, no name). The other steps come minutes apart, too often for a push.',
    '',
  ].join('\n');
}
