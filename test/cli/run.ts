// Test helpers for the CLI: spawn the built binary (dist/planlint.js), temporary folders, a minimal zip reader for XLSX.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { JsonDiagnostic, JsonFileResult } from '../../server/src/cli/format/json.js';
import type { TextEdit } from '../../server/src/lint/types.js';
import { ROOT } from '../helpers/paths.js';

/** The built CLI; `npm test` builds it before mocha runs. */
export const BIN = path.join(ROOT, 'dist', 'planlint.js');
export const CLI_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

/** What one run of the CLI gave. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Runs `node dist/planlint.js …args` in `cwd` (the repository root by default), colour and TTY off. */
export function planlint(args: readonly string[], options: { cwd?: string; input?: string | Uint8Array; env?: NodeJS.ProcessEnv } = {}): Run {
  assert.ok(fs.existsSync(BIN), `${BIN} is missing: build first (npx tsc -p . && node scripts/bundle.js)`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  Object.assign(env, options.env);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), stdoutBytes: r.stdout };
}

/** Asserts the exit code, showing the output when it differs. */
export function expectCode(run: Run, code: number): void {
  assert.equal(run.code, code, `exit ${run.code}, expected ${code}\n--- stdout\n${run.stdout.slice(0, 3000)}\n--- stderr\n${run.stderr.slice(0, 3000)}`);
}

/** A fresh temporary folder, removed by `cleanup`. */
export function tempDir(prefix = 'planlint-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Parses `--format json` output. */
export function jsonOf(run: Run): JsonFileResult[] {
  try {
    return JSON.parse(run.stdout);
  } catch (e) {
    throw new Error(`not JSON (${String(e)}):\n${run.stdout.slice(0, 2000)}\n--- stderr\n${run.stderr.slice(0, 2000)}`);
  }
}

/** The edits of a finding's fix in the JSON report: its own, or the file's `sharedEdits` it refers to. */
export function fixEdits(file: JsonFileResult, d: JsonDiagnostic): TextEdit[] {
  if (!d.fix) return [];
  return d.fix.edits ?? (d.fix.editsRef !== undefined ? file.sharedEdits?.[d.fix.editsRef] ?? [] : []);
}

/**
 * The entries of a zip archive (an XLSX file is one): reads the central directory and inflates each
 * entry with node:zlib. Only what XLSX writers produce: stored or deflated entries, no zip64.
 */
export function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'no end of central directory: not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'bad central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    assert.equal(buf.readUInt32LE(local), 0x04034b50, `bad local header for ${name}`);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataAt, dataAt + compressed);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
