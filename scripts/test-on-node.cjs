#!/usr/bin/env node
/**
 * Runs the test suite (or the jest arguments given) on another Node.js major version, fetched
 * from npm's `node` package into .cache/node/<major> — no system install:
 *   npm run test:node -- 22            the whole suite on Node 22
 *   npm run test:node -- 24 test/parser
 */
const { existsSync, mkdirSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { delimiter, join } = require('node:path');

const root = join(__dirname, '..');
const [major, ...jestArgs] = process.argv.slice(2);
if (!/^\d+$/.test(major ?? '')) {
  process.stderr.write('usage: npm run test:node -- <major> [jest args]\n');
  process.exit(2);
}
const prefix = join(root, '.cache', 'node', major);
const bin = join(prefix, 'node_modules', '.bin');
if (!existsSync(join(bin, 'node'))) {
  mkdirSync(prefix, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const got = spawnSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefix', prefix, `node@${major}`],
    {
      stdio: 'inherit',
    },
  );
  if (got.status !== 0) process.exit(got.status ?? 1);
}
// Child processes the tests start (tsx, npm start) find this node first on PATH.
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };
const version = spawnSync(join(bin, 'node'), ['--version'], {
  env,
  encoding: 'utf8',
}).stdout.trim();
process.stderr.write(`tests on Node ${version}\n`);
const jest = require.resolve('jest/bin/jest', { paths: [root] });
const run = spawnSync(join(bin, 'node'), [jest, ...jestArgs], { cwd: root, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
