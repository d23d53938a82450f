/** How times and values read in the inspector. */

export function formatTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.toISOString().slice(0, 10)} ${formatTime(ms)}`;
}

/** `in 3 s`, `4 min ago`: a countdown to (or time since) `at`. */
export function formatCountdown(at: number, now: number): string {
  const ms = at - now;
  const abs = Math.abs(ms);
  const s = Math.floor(abs / 1000);
  const text =
    s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return ms >= 0 ? `in ${text}` : `${text} overdue`;
}

export function compactJson(value: unknown, max = 80): string {
  const text = JSON.stringify(value);
  if (text === undefined) return 'undefined';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
