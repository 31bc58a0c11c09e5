import { defineConfig } from 'vite';

/**
 * Builds the chat widget into `dist/widget.js`: one self-contained script (no chunks, no
 * imports) that websites load with a script tag. Runs after the app's build (which empties `dist`).
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    reportCompressedSize: false,
    lib: {
      entry: 'src/widget/widget.ts',
      name: 'ToolgateWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
