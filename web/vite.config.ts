import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built app from its own origin (src/common/http/web-app.ts). In development, Vite serves
// it and passes /api to the API on port 3000, so the browser still talks to one origin only.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every file under assets/ is named by its content's hash; the API caches them for a year.
    assetsDir: 'assets',
    sourcemap: false,
    // The first chunk holds React and the Suomi.fi design system (about 190 kB gzipped); pages come in their own.
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.KOKEMUS_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
