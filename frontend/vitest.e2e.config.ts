import { defineConfig } from 'vitest/config';

/** Browser smoke tests against a running Premia (PREMIA_BASE_URL); never run by Maven. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    // A scenario that needs longer says so itself (portal.e2e.ts: a full sync, up to 120 s).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['default', 'junit'],
    outputFile: { junit: 'target/vitest-e2e.xml' },
  },
});
