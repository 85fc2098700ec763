// The `planlint` command line: lint plans, print a plan's outline or its task table. The only user of argv.
import { readFileSync } from 'node:fs';
import { outlineLines } from '../features/outline.js';
import { taskRows, toMarkdown } from '../features/task-table.js';
import { parsePlan } from '../model/plan.js';

const USAGE = `用法 / usage:
  planlint outline FILE                       打印提纲 / print the outline
  planlint table FILE [--format json|md]      打印任务分解表 / print the task table
`;

/** Runs the CLI and returns its exit code (0 ok, 1 problems, 2 usage or config error). */
export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'outline' || command === 'table') {
    const file = rest.find((a) => !a.startsWith('--'));
    const formatAt = rest.indexOf('--format');
    const format = formatAt >= 0 ? rest[formatAt + 1] : command === 'table' ? 'md' : 'text';
    if (!file) {
      io.err.write(USAGE);
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (error) {
      io.err.write(`planlint: 无法读取 ${file}: ${(error as Error).message}\n`);
      return 2;
    }
    const plan = parsePlan(text);
    if (command === 'outline') {
      io.out.write(outlineLines(plan).join('\n') + '\n');
      return 0;
    }
    const rows = taskRows(plan);
    if (format === 'json') io.out.write(JSON.stringify({ file, tasks: rows }, null, 2) + '\n');
    else if (format === 'md') io.out.write(toMarkdown(rows));
    else {
      io.err.write(`planlint: 未知格式 / unknown format: ${format}\n${USAGE}`);
      return 2;
    }
    return 0;
  }
  io.err.write(USAGE);
  return 2;
}
