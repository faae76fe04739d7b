#!/usr/bin/env node
/**
 * The package registry reachable from our machines carries only the Linux builds of packages with
 * per-platform binaries (@swc/core-*, @unrs/resolver-binding-*), so `npm install` writes a lockfile
 * without the other platforms' entries and `npm ci` then refuses it as "out of sync". This adds a
 * placeholder entry (version, os, cpu; nothing to download) for each missing platform build, which
 * npm ci skips on Linux. Run it after `npm install` changes the lockfile: `npm run lock:platforms`.
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'wasm32'];
const CPU = {
  x64: 'x64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: 'ia32',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
  wasi: 'wasm32',
};

/** `@swc/core-linux-arm-gnueabihf` → { os: linux, cpu: arm, libc: glibc }, or undefined. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const i = parts.findIndex((p) => OS.includes(p));
  if (i < 0) return undefined;
  const os = parts[i] === 'wasm32' ? undefined : parts[i];
  const cpu = CPU[parts[i + 1]] ?? (parts[i] === 'wasm32' ? 'wasm32' : undefined);
  if (!cpu) return undefined;
  const rest = parts.slice(i + 2).join('-');
  const libc = /musl/.test(rest) ? 'musl' : /gnu/.test(rest) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [where, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = where === '' ? 'node_modules' : `${where}/node_modules`;
    const key = lock.packages[`${base}/${dep}`] ? null : `node_modules/${dep}`;
    if (!key || lock.packages[key]) continue;
    const p = platformOf(dep);
    if (!p) continue;
    lock.packages[key] = {
      version,
      optional: true,
      ...(p.os && { os: [p.os] }),
      cpu: [p.cpu],
      ...(p.libc && { libc: [p.libc] }),
    };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  ),
);
lock.packages = sorted;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-platforms: added ${added} placeholder entries`);
