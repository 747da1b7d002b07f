import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:8080';

/** Vendor groups, so the app does not ship as one 2 MB chunk. Each group matches only its own packages,
 * so the GraphiQL page never pulls in antd and the app never pulls in monaco. */
const vendorGroups = [
  // tslib is shared by Apollo's helpers and GraphiQL's; on its own it keeps GraphiQL off the Apollo chunk.
  { name: 'vendor-tslib', test: /[\\/]node_modules[\\/]tslib[\\/]/ },
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'vendor-router', test: /[\\/]node_modules[\\/](react-router|react-router-dom)[\\/]/ },
  { name: 'vendor-graphql', test: /[\\/]node_modules[\\/]graphql[\\/]/ },
  {
    name: 'vendor-apollo',
    test: /[\\/]node_modules[\\/](@apollo|@wry|optimism|rxjs|graphql-tag|@graphql-typed-document-node)[\\/]/,
  },
  // ECharts core with only the charts, components and SVG renderer the dashboards import (ADR 0021).
  { name: 'vendor-echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
  {
    name: 'vendor-antd',
    test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
  },
];

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': resolve(import.meta.dirname, 'src') },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/graphql': backend },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/graphql': backend },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The app's largest chunk is antd (~830 kB); monaco on the dev-only GraphiQL page is ~2.8 MB.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      input: {
        // The application.
        main: resolve(import.meta.dirname, 'index.html'),
        // GraphiQL: a separate page, never imported by the app; the backend serves it in the dev profile only.
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
      onwarn(warning, warn) {
        // GraphiQL's React Compiler output marks modules "use no memo"; dropping the directive is harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use no memo')) {
          return;
        }
        warn(warning);
      },
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
