/** A small parser for `--name value` and `--flag` command-line options (no dependency). */

export type Args = Record<string, string | true>;

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('--')) throw new Error(`Unexpected argument "${token}": options look like --name value.`);
    const [name, inline] = token.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) args[name] = inline;
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) args[name] = argv[++i]!;
    else args[name] = true;
  }
  return args;
}

export function stringArg(args: Args, name: string): string | undefined {
  const value = args[name];
  if (value === true) throw new Error(`--${name} needs a value.`);
  return value;
}

export function numberArg(args: Args, name: string, fallback: number): number {
  const value = stringArg(args, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, not "${value}".`);
  return n;
}
