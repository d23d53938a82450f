/**
 * The inspector and designer workbench, served by the Worker at `/inspector/`. It builds after the
 * client into its own folder, dist/public/inspector, and empties only that folder.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/inspector/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/public/inspector', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 3_000,
  },
});
