// Where the CLI reads and writes: its streams, its version, and its own messages on stderr (in the UI locale).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatConfigProblem, type ConfigProblem } from '../config/config.js';
import type { Locale } from '../lint/types.js';
import type { UsageError } from './args.js';
import { displayPath, type Unmatched } from './files.js';

/** Where the CLI reads and writes; tests and embedders may pass their own. */
export interface CliIo {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Reads all of standard input. */
  readStdin(): Promise<Uint8Array>;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The name standard input goes by when `--stdin-filename` is not given. */
export const STDIN_NAME = '<stdin>';

/** The process's own streams, working folder and environment. */
export function defaultIo(): CliIo {
  return {
    out: process.stdout,
    err: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
  };
}

/** The package version, from the package.json above this module (dist/ or out/server/src/cli/). */
export function version(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'planlint' && pkg.version) return pkg.version;
    } catch {
      // not here; go up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

/** Writes CLI messages on stderr, prefixed and in the UI locale. */
export class Messages {
  constructor(
    private readonly io: CliIo,
    readonly locale: Locale,
  ) {}

  say(zh: string, en: string): void {
    this.io.err.write(this.locale === 'en' ? `planlint: ${en}\n` : `planlint：${zh}\n`);
  }

  usage(e: UsageError): number {
    this.say(e.zh, e.en);
    this.io.err.write(this.locale === 'en' ? 'Run planlint --help for usage.\n' : '运行 planlint --help 查看用法。\n');
    return 2;
  }

  configProblems(problems: readonly ConfigProblem[]): number {
    const seen = new Set<string>();
    for (const p of problems) {
      const line = formatConfigProblem({ ...p, file: displayPath(path.resolve(this.io.cwd, p.file), this.io.cwd) }, this.locale);
      if (seen.has(line)) continue;
      seen.add(line);
      this.say(`配置错误：${line}`, `configuration error: ${line}`);
    }
    return 2;
  }

  unmatched(u: Unmatched): void {
    if (u.reason === 'missing') this.say(`找不到文件或目录“${u.arg}”`, `no such file or folder: ${u.arg}`);
    else if (u.reason === 'no-match') this.say(`没有文件匹配“${u.arg}”`, `no files match ${u.arg}`);
    else {
      this.say(
        `目录“${u.arg}”中没有方案文件（*.plan、*.plan.txt、*.plan.md、配置 files 中的文件，或内容读来是方案的 .txt / .md / .text；跳过的文件及原因列在最后）`,
        `no plan files in ${u.arg} (*.plan, *.plan.txt, *.plan.md, the config's files, or .txt / .md / .text files whose text reads as a plan; the files skipped and why are listed at the end)`,
      );
    }
  }
}

