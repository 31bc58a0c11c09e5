import { preact } from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * Builds the admin app into `dist/`, which the server serves at `/`. `npm run dev -w
 * @toolgate/admin-ui` serves it with hot reload and forwards `/api` to a server on port 3000.
 */
export default defineConfig({
  plugins: [preact({ reactAliasesEnabled: false })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Everything is same-origin; the CSP allows no inline script, and Vite emits none.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
