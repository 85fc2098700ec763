// `planlint/stats`: memory, open documents, indexed plans, analysis count and time (for the bench and for support), work pending (for tests).
import type { Connection } from 'vscode-languageserver/node';
import { guardRequest } from '../guard.js';
import type { Server } from '../state.js';

export function registerStats(connection: Connection, { state, diagnostics, configuration }: Server): void {
  connection.onRequest(
    'planlint/stats',
    guardRequest(state.log, 'planlint/stats', null, (params: { gc?: boolean } | null) => {
      // With `--expose-gc` (the bench sets it), `{ gc: true }` collects first so that the heap is what is retained.
      const gc = (globalThis as { gc?: () => void }).gc;
      if (params && typeof params === 'object' && params.gc === true && typeof gc === 'function') gc();
      const m = process.memoryUsage();
      return {
        rss: m.rss,
        heapUsed: m.heapUsed,
        heapTotal: m.heapTotal,
        external: m.external,
        arrayBuffers: m.arrayBuffers,
        documents: state.documents.size,
        documentChars: state.documents.all().reduce((n, d) => n + d.getText().length, 0),
        indexedPlans: state.currentIndex().size,
        indexing: state.scanner?.busy ?? false,
        indexer: state.scanner?.mode ?? null,
        analyses: { count: state.analyses.count, totalMs: state.analyses.totalMs, lastMs: state.analyses.lastMs },
        // Work that will still send something with no further message: publishes scheduled, settings awaited.
        // At 0, all of it has been written before this answer (tests wait for it rather than sleep).
        pending: diagnostics.pending + configuration.pulling,
      };
    }),
  );
}
