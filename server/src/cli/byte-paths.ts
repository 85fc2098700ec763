// File names that are not UTF-8 (a Windows archive of Chinese files unzipped on Linux leaves GBK bytes): carried losslessly as strings.
import * as path from 'node:path';

/**
 * A path whose bytes are not UTF-8 is carried as this mark followed by its bytes read as Latin-1 (one
 * character per byte, so `/` stays `/` and nothing is lost). No real path holds a NUL, so the mark is
 * unambiguous; every other path is the ordinary string. Such strings cross worker ports like any other.
 */
const MARK = '\u0000';

/** True when `p` stands for bytes that are not UTF-8. */
export function isBytePath(p: string): boolean {
  return p.startsWith(MARK);
}

/** The string for a path's bytes: the ordinary string when they are UTF-8, else the marked form. */
export function pathFromBytes(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : MARK + bytes.toString('latin1');
}

/** The bytes of a path (ordinary or marked). */
export function bytesOf(p: string): Buffer {
  return isBytePath(p) ? Buffer.from(p.slice(1), 'latin1') : Buffer.from(p, 'utf8');
}

/** What to hand to `fs`: the string itself, or the bytes of a marked path. */
export function fsPath(p: string): string | Buffer {
  return isBytePath(p) ? bytesOf(p) : p;
}

/** `dir` joined with an entry name read as bytes (`readdir` with `encoding: 'buffer'`). */
export function joinBytes(dir: string, name: Buffer): string {
  if (!isBytePath(dir) && pathFromBytes(name) === name.toString('utf8')) return path.join(dir, name.toString('utf8'));
  return pathFromBytes(Buffer.concat([bytesOf(dir), Buffer.from(path.sep), name]));
}

/**
 * A path for people: each segment that is not UTF-8 has its bytes from 0x80 up written `\xHH` (and a
 * backslash doubled), the other segments as they are.
 */
export function showPath(p: string): string {
  if (!isBytePath(p)) return p;
  return p
    .slice(1)
    .split('/')
    .map((segment) => {
      const bytes = Buffer.from(segment, 'latin1');
      const text = bytes.toString('utf8');
      if (Buffer.from(text, 'utf8').equals(bytes)) return text;
      let out = '';
      for (const b of bytes) out += b >= 0x80 ? `\\x${b.toString(16).toUpperCase().padStart(2, '0')}` : b === 0x5c ? '\\\\' : String.fromCharCode(b);
      return out;
    })
    .join('/');
}

/** `path.relative(from, to)` for paths of either form; the result in `to`'s form. */
export function relativePath(from: string, to: string): string {
  if (!isBytePath(to) && !isBytePath(from)) return path.relative(from, to);
  const rel = path.relative(bytesOf(from).toString('latin1'), bytesOf(to).toString('latin1'));
  return pathFromBytes(Buffer.from(rel, 'latin1'));
}

/**
 * A path standing for `p` in configuration lookups, which work on ordinary strings: `p` itself, or for
 * a marked path a file in its deepest folder whose name is UTF-8 (a config file inside a folder whose
 * name is not UTF-8 is not found).
 */
export function lookupPath(p: string): string {
  if (!isBytePath(p)) return p;
  const segments = p.slice(1).split('/');
  const kept: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    const bytes = Buffer.from(segment, 'latin1');
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) break;
    kept.push(text);
  }
  return kept.join('/') + '/-';
}
