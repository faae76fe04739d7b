#!/usr/bin/env node
/**
 * Runs an entry point from its compiled JavaScript: `node scripts/run.cjs src/main` loads
 * dist/src/main.js with source maps on (stack traces name the .ts lines). When a source is newer
 * than the build (a `git pull` without `npm ci`), it compiles first, so nobody runs stale code.
 */
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const SOURCES = ['src', 'adapters', 'scripts'];

/** Newest modification time of the TypeScript sources (a few hundred stats: milliseconds). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const configs = ['tsconfig.json', 'tsconfig.build.json'].map(
    (f) => statSync(join(root, f)).mtimeMs,
  );
  return Math.max(...configs, ...SOURCES.map((d) => newestSource(join(root, d)))) > built;
}

function ensureBuilt() {
  if (!stale()) return;
  let build;
  try {
    ({ build } = require('./build.cjs'));
    require.resolve('typescript', { paths: [root] });
  } catch {
    process.stderr.write(
      '启动失败: 没有编译好的代码,也没有 TypeScript 来编译:请在项目目录运行 npm ci\n',
    );
    process.exit(1);
  }
  process.stderr.write('代码有更新,正在编译(约 10 秒)…\n');
  if (!build()) {
    process.stderr.write('启动失败: 编译出错(见上面),请运行 npm run build 查看\n');
    process.exit(1);
  }
}

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/run.cjs <src/main | scripts/parse | …> [args]\n');
  process.exit(2);
}
ensureBuilt();
process.setSourceMapsEnabled(true);
// The entry sees its own arguments, as it would under tsx.
process.argv.splice(1, 2, join(root, 'dist', `${entry}.js`));
require(join(root, 'dist', `${entry}.js`));
