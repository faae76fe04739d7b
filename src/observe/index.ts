/** /healthz and /metrics for the composition root: one object to create, serve and close. */
import type { Connection } from 'mongoose';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { Models } from '../model';
import { AdapterStates, cachedCount, healthOf } from './health';
import { createMetrics, type Metrics } from './metrics';
import { startStatusServer, type StatusServer } from './server';

export interface Observability {
  metrics: Metrics;
  adapters: AdapterStates;
  /** Start the status port, when configured, once the database is open. */
  serve(conn: Connection, models: Models): Promise<void>;
  close(): Promise<void>;
}

export function createObservability(settings: Config['status'], log: Logger): Observability {
  const metrics = createMetrics();
  const adapters = new AdapterStates(metrics);
  let server: StatusServer | undefined;
  return {
    metrics,
    adapters,
    async serve(conn, models) {
      if (!settings) return;
      // The queue only holds unsent messages, so counting it stays cheap even on FerretDB.
      metrics.queueDepth(
        cachedCount(() => models.PendingMessage.countDocuments({ sentAt: null, deadAt: null })),
      );
      server = await startStatusServer({
        ...settings,
        metrics,
        log,
        health: () => healthOf(conn, adapters),
      });
      log.info('status port open', { host: settings.host, port: server.port });
    },
    close: async () => server?.close(),
  };
}
