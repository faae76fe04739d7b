/**
 * The status port: GET /healthz and GET /metrics, for a supervisor and for Prometheus. Off unless
 * STATUS_PORT is set, and on 127.0.0.1 unless STATUS_HOST says otherwise: the numbers are the
 * shop's business and nothing here is meant for the internet.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log';
import type { Health } from './health';
import type { Metrics } from './metrics';

export interface StatusServer {
  port: number;
  close(): Promise<void>;
}

export interface StatusOptions {
  host: string;
  port: number;
  metrics: Metrics;
  health(): Promise<Health>;
  log: Logger;
}

async function healthz(res: ServerResponse, opts: StatusOptions): Promise<void> {
  const { healthy, ...body } = await opts.health();
  res
    .writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' })
    .end(JSON.stringify(body));
}

async function metrics(res: ServerResponse, opts: StatusOptions): Promise<void> {
  const { registry } = opts.metrics;
  const text = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType }).end(text);
}

export async function startStatusServer(opts: StatusOptions): Promise<StatusServer> {
  const server: Server = createServer((req, res) => {
    const path = req.url?.split('?')[0];
    const route =
      req.method !== 'GET'
        ? undefined
        : path === '/healthz'
          ? healthz
          : path === '/metrics'
            ? metrics
            : undefined;
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    route(res, opts).catch((err: Error) => {
      opts.log.error('status request failed', { path, error: err.message });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(opts.port, opts.host, () => res());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((res) => {
        server.closeIdleConnections();
        server.close(() => res());
      }),
  };
}
