/**
 * The player app, the lobby and the host view: three small pages (`/`, `/play`, `/host`) built into
 * dist/public, which the Worker serves as static assets. The inspector builds after this into
 * dist/public/inspector, so this build never empties the folder: it only replaces its own files.
 */
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { DEFAULT_MACHINE_MODULE, defaultMachineIn } from './lobby/default-machine-source.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/public', import.meta.url));
const pages = ['index', 'play', 'host'];

/** Removes the previous client build (its pages and hashed assets), and nothing else. */
function replaceOwnOutput(): Plugin {
  return {
    name: 'pecking-order:replace-own-output',
    apply: 'build',
    buildStart() {
      rmSync(`${outDir}/assets`, { recursive: true, force: true });
      for (const page of pages) rmSync(`${outDir}/${page}.html`, { force: true });
    },
  };
}

/** The lobby API's default version, from the one place that declares it (lobby/default-machine-source.ts says why). */
const lobbyDefaultMachine = defaultMachineIn(readFileSync(fileURLToPath(new URL(`../${DEFAULT_MACHINE_MODULE}`, import.meta.url)), 'utf8'));

export default defineConfig({
  root,
  base: '/',
  define: { __LOBBY_DEFAULT_MACHINE__: JSON.stringify(lobbyDefaultMachine) },
  plugins: [react(), replaceOwnOutput()],
  build: {
    outDir,
    emptyOutDir: false,
    assetsDir: 'assets',
    target: 'es2022',
    rolldownOptions: {
      input: Object.fromEntries(pages.map((page) => [page, `${root}${page}.html`])),
      output: {
        // One chunk for the libraries the pages share (React, partysocket, @xstate/store), cached across pages.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
});
