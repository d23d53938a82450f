/**
 * The player app, the lobby and the host view: three small pages (`/`, `/play`, `/host`) built into
 * dist/public, which the Worker serves as static assets. The inspector builds after this into
 * dist/public/inspector, so this build never empties the folder: it only replaces its own files.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root,
  base: '/',
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
