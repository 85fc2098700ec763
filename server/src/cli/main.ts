// The `planlint` command line: lint plans, print a plan's task table or outline. The only user of argv.
//
// This module answers `--help`, `--version` and usage errors itself and loads the commands (the grammar,
// the rules, the formatters: nearly all of the bundle) only to run one, so those answers cost little more
// than starting Node.
import type { Locale } from '../lint/types.js';
import { isUsageError, parseArgs } from './args.js';
import { defaultIo, Messages, version, type CliIo } from './io.js';
import { USAGE } from './usage.js';

export { STDIN_NAME, version, type CliIo } from './io.js';

/** Runs the CLI and returns its exit code (0 ok, 1 problems, 2 usage, config or input error). */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const args = parseArgs(argv);
  if (isUsageError(args)) {
    const locale = localeFromArgv(argv) ?? 'zh-CN';
    return new Messages(io, locale).usage(args);
  }
  if (args.command === 'help') {
    io.out.write(USAGE);
    return 0;
  }
  if (args.command === 'version') {
    io.out.write(`${version()}\n`);
    return 0;
  }

  // Everything else needs the language service: load it now (a chunk of its own in the bundle).
  const { runCommand } = await import('./commands.js');
  return runCommand(args, io);
}

/** The `--locale` in raw argv, to speak the user's language even when the arguments are wrong. */
function localeFromArgv(argv: readonly string[]): Locale | undefined {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (i < 0) return undefined;
  const value = argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1];
  const l = value?.trim().toLowerCase();
  return l?.startsWith('en') ? 'en' : l?.startsWith('zh') ? 'zh-CN' : undefined;
}

