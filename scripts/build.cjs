#!/usr/bin/env node
/**
 * Compile src/, adapters/ and scripts/ to dist/ once (npm ci runs this as `prepare`), so `npm start`
 * runs JavaScript with `node` instead of transpiling the tree on every start. The stamp tells the
 * launcher (scripts/run.cjs) which sources the build saw.
 */
const { rmSync, writeFileSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');

function build() {
  rmSync(dist, { recursive: true, force: true }); // sources deleted since leave nothing behind
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) return false;
  writeFileSync(join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);
  return true;
}

module.exports = { build };

if (require.main === module) process.exit(build() ? 0 : 1);
