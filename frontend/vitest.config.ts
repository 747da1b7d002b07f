import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      restoreMocks: true,
      // antd's first render (CSS-in-JS) is slow on a busy 2-core machine; a timeout here is no finding.
      testTimeout: 30_000,
      reporters: ['default', 'junit'],
      outputFile: { junit: 'target/vitest-unit.xml' },
    },
  }),
);
