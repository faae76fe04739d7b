/**
 * The project's root (where package.json is), found from this file whether it runs as TypeScript
 * from src/ or compiled from dist/src/: assets, the database build and the cache live there.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
