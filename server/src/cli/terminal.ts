// Terminal helpers: colours (off unless wanted), the display width of Chinese text, and the progress bar on stderr.

/** ANSI styles, or identity functions when colour is off. */
export interface Colors {
  enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

/** Colour styles; `enabled` false gives plain text. */
export function colors(enabled: boolean): Colors {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    enabled,
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
}

/**
 * Whether to colour a stream: `--color` / `--no-color` decide; otherwise `NO_COLOR` (any value) turns it
 * off, `FORCE_COLOR` (other than `0`) on, and else only a TTY that is not `TERM=dumb` gets colour.
 */
export function wantColor(flag: boolean | undefined, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

/** True for characters a terminal draws two columns wide (CJK, full-width forms, Hangul…). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Columns `s` takes in a terminal; ANSI colour codes take none, combining marks none. */
export function displayWidth(s: string): number {
  let width = 0;
  const plain = s.includes('\x1b') ? s.replace(/\x1b\[[0-9;]*m/g, '') : s;
  for (const ch of plain) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

/** `s` padded with spaces to `width` columns. */
export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** `s` cut to at most `width` columns, with `…` when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/** The stream a progress bar draws on. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): boolean;
}

/**
 * A one-line progress bar on a TTY (`[██████░░░░] 120/1000 path`), redrawn at most every 80 ms and only
 * once the run has lasted 150 ms, so short runs never flicker; `clear` erases it before the report.
 */
export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;
  private readonly started = Date.now();

  constructor(private readonly stream: ProgressStream) {}

  update(done: number, total: number, label: string): void {
    const now = Date.now();
    if (now - this.started < 150 || (now - this.lastDraw < 80 && done < total)) return;
    this.lastDraw = now;
    const columns = Math.max(40, this.stream.columns ?? 80);
    const barWidth = Math.min(30, Math.floor(columns / 4));
    const filled = total > 0 ? Math.round((done / total) * barWidth) : barWidth;
    const count = `${done}/${total}`;
    const head = `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${count} `;
    const room = columns - 1 - displayWidth(head);
    this.stream.write(`\r\x1b[2K${head}${room > 4 ? truncate(label, room) : ''}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
