/**
 * Progress on stderr: which step, and how far it is. On a terminal one status line is redrawn in
 * place; otherwise (CI, a pipe) a line is printed when the step changes and at most every 2 s.
 */

export class Progress {
  private step = '';
  private lastPrinted = 0;
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly started = performance.now();

  constructor(private readonly total: number) {}

  /** Starts step `index` (1-based) of the run. */
  begin(index: number, name: string): void {
    this.finishLine();
    this.step = `[${index}/${this.total}] ${name}`;
    this.write(this.step, true);
  }

  /** Reports how far the current step is, e.g. `game room: 120/300 actions`. */
  update(detail: string): void {
    this.write(`${this.step}: ${detail}`, false);
  }

  /** A line that stays (a result, a warning). */
  note(text: string): void {
    this.finishLine();
    process.stderr.write(`${this.elapsed()} ${text}\n`);
  }

  done(): void {
    this.finishLine();
  }

  private elapsed(): string {
    return `${((performance.now() - this.started) / 1000).toFixed(0).padStart(4)} s`;
  }

  private pending = false;

  private write(text: string, force: boolean): void {
    const now = performance.now();
    const line = `${this.elapsed()} ${text}`;
    if (this.tty) {
      process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 120) - 1)}`);
      this.pending = true;
    } else if (force || now - this.lastPrinted >= 2000) {
      process.stderr.write(`${line}\n`);
      this.lastPrinted = now;
    }
  }

  private finishLine(): void {
    if (this.tty && this.pending) process.stderr.write('\n');
    this.pending = false;
  }
}
