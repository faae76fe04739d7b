/** Small HTTP helpers for the fake platform servers: JSON in and out, on 127.0.0.1 only. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export interface Listening {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<Listening> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((err: Error) =>
      sendJson(res, 500, { error: err.message }),
    );
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((res) => {
        server.closeAllConnections();
        server.close(() => res());
      }),
  };
}

/** A port that was free a moment ago, for a server the code under test opens itself. */
export async function freePort(): Promise<number> {
  const probe = await listen(() => undefined);
  await probe.close();
  return probe.port;
}

/** Poll until `ready()` holds (running `poke` between looks); fail with `what` after `ms`. */
export async function waitFor(
  ready: () => boolean,
  what: string,
  ms = 10_000,
  poke?: () => Promise<void>,
): Promise<void> {
  const until = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await (poke ? poke() : undefined);
    await new Promise((res) => setTimeout(res, poke ? 200 : 20));
  }
}

export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface Upload {
  /** The form field the file came in (`photo`, `document`, `image`, `file`). */
  field: string;
  filename: string;
  bytes: Buffer;
}

export interface Form {
  fields: Record<string, string>;
  files: Upload[];
}

/** A multipart/form-data body, as SDKs upload files: its plain fields and its files' bytes. */
export function parseMultipart(body: Buffer, contentType: string): Form {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new Error(`not multipart: ${contentType}`);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const form: Form = { fields: {}, files: [] };
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length + 2; // past the delimiter and its CRLF
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start, next - 2); // without the CRLF before the next delimiter
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString();
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined) form.files.push({ field: name, filename, bytes: content });
    else form.fields[name] = content.toString();
    at = next;
  }
  return form;
}
