import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // UI polls wait for what a clerk would wait for; a busy 2-core CI machine must not turn that into a flake.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
