// `planlint table FILE --format json`, in process: the same steps as the CLI's table command (server/src/cli/commands.ts
// runDocument) — read and decode the file, the nearest configuration, the service's parse, the task rows, the JSON
// export — with one service and one configuration cache for every file instead of one process per file.
// test/accuracy/table.test.ts checks that the JSON is byte for byte the CLI's.
import * as path from 'node:path';
import { ConfigCache } from '../../server/src/config/load.js';
import { toJson } from '../../server/src/features/export.js';
import { taskRows } from '../../server/src/features/task-table.js';
import { readPlanFile } from '../../server/src/cli/lint-file.js';
import { createPlanService } from '../../server/src/service.js';

export class TableReader {
  private readonly service = createPlanService();
  private readonly configs = new ConfigCache();

  /**
   * The JSON `planlint table FILE --format json` prints for `file` (as given on the command line; resolved from
   * `cwd`), or why the CLI would print none (it exits 2 then).
   */
  json(file: string, cwd: string = process.cwd()): { json: string } | { error: string } {
    const abs = path.resolve(cwd, file);
    const { config, problems } = this.configs.forFile(abs);
    const read = readPlanFile(abs, undefined, config.locale);
    if (!('text' in read)) return { error: 'skipped' in read ? read.skipped : read.error };
    if (problems.length > 0) return { error: problems.map((p) => p.message).join('; ') };
    return { json: toJson(file, taskRows(this.service.parse(read.text, config))) };
  }
}
