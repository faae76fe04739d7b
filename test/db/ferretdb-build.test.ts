/**
 * Issue 18: the first start builds the local database from the Go module proxy. Where that proxy is
 * out of reach (mainland China) or Go is missing, start-up says so in one line, with the fix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseStartError, ensureFerretdbBinary } from '../../src/db/ferretdb-binary';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

describe('building the local database', () => {
  let scratch: string;
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'huitouke-gobuild-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('names the unreachable module proxy and the mirror to use, in one line', async () => {
    const proxy = `http://127.0.0.1:${await closedPort()}`;
    const env = {
      ...process.env,
      GOPROXY: proxy,
      GOMODCACHE: join(scratch, 'mod'),
      GOTOOLCHAIN: 'local',
      GOSUMDB: 'off',
    };
    const failure = ensureFerretdbBinary({ cacheDir: join(scratch, 'cache'), env });
    await expect(failure).rejects.toBeInstanceOf(DatabaseStartError);
    const message = await failure.catch((e: Error) => e.message);
    expect(message).toContain(proxy);
    expect(message).toContain('GOPROXY=https://goproxy.cn,direct npm start');
    expect(message.split('\n')).toHaveLength(1);
  }, 60_000);

  it('says how to install Go, or to use MongoDB, when go is missing', async () => {
    const env = { ...process.env, PATH: join(scratch, 'no-go-here') };
    const failure = ensureFerretdbBinary({ cacheDir: join(scratch, 'cache'), env });
    await expect(failure).rejects.toThrow(/没有找到 go 命令.*安装 Go.*MONGODB_URI/);
  });
});
