// Entry point of the `planlint` binary.
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`planlint: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
