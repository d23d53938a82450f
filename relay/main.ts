/**
 * `npm run inspect -- --room <id> [--url <deployment>] [--port <port>] [--allow-origin <origin>]`:
 * serves a room's inspection stream on ws://127.0.0.1:<port> (8080 by default, where
 * `@statelyai/inspect`'s `createWebSocketReceiver` looks) for the package's receivers (relay.ts).
 * The credential (the room's admin token or the lobby secret) comes from INSPECT_TOKEN or, on a
 * terminal, a prompt that does not echo; never from the command line, which other users and the
 * shell history can read. Without one it refuses to start.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startRelay } from './relay';

const { values } = parseArgs({
  options: {
    room: { type: 'string' },
    url: { type: 'string', default: 'http://localhost:8787' },
    port: { type: 'string', default: '8080' },
    'allow-origin': { type: 'string', multiple: true, default: [] },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Reads a line from the terminal without echoing it. */
function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput(text: string): void };
  process.stdout.write(question);
  muted._writeToOutput = () => {};
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer.trim());
    }),
  );
}

if (!values.room) fail('usage: npm run inspect -- --room <id> [--url http://localhost:8787] [--port 8080]');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, not ${values.port}`);
const token =
  process.env.INSPECT_TOKEN?.trim() || (process.stdin.isTTY ? await prompt(`Admin token or lobby secret for room ${values.room}: `) : '');
if (!token) fail("No credential: set INSPECT_TOKEN to the room's admin token or the lobby secret (or run on a terminal to be asked).");

const relay = await startRelay({
  url: values.url,
  room: values.room,
  token,
  port,
  allowOrigins: values['allow-origin'],
  log: (line) => console.log(line),
}).catch((error: Error) => fail(`Cannot listen on 127.0.0.1:${port}: ${error.message}`));
console.log(`Relaying room ${values.room} of ${values.url} on ws://127.0.0.1:${relay.port}`);
console.log(`  receive it with: createWebSocketReceiver({ server: 'ws://127.0.0.1:${relay.port}' })`);
void relay.refused.then((reason) => fail(`The room refused the credential (${reason}).`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void relay.close().then(() => process.exit(0)));
