/**
 * Builds what the Worker serves as static assets into dist/public: the player client and lobby at
 * `/` and the inspector at `/inspector/`, each by its own Vite config when it exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

export async function buildUi() {
  mkdirSync('dist/public', { recursive: true });
  for (const app of ['client', 'inspector']) {
    const config = `${app}/vite.config.ts`;
    if (!existsSync(config)) continue;
    // A production build whoever calls it: under Vitest NODE_ENV is `test`, which would make Vite
    // bundle React's development build (twice the size, and not what players get).
    const env = { ...process.env, NODE_ENV: 'production' };
    const result = spawnSync('npx', ['vite', 'build', '--config', config], { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`building ${app} failed`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildUi();
