import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start a fake Discord server and a real discord.js client each;
    // they are quick, but give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
