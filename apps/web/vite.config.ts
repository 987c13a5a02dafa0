// Vite config of the web app; workspace packages resolve to their TypeScript sources (`@i2v/source`).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.I2V_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    conditions: ['@i2v/source', ...defaultClientConditions],
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  css: { postcss: root },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format)/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      // `ws`: the live socket (/api/v1/live) goes through the proxy too
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
});
