import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default defineConfig((env) =>
  mergeConfig(viteConfig(env), {
    define: { __MOCK_API__: 'false' },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            include: ['test/**/*.test.{ts,tsx}'],
            setupFiles: ['test/setup.ts'],
            restoreMocks: true,
            testTimeout: 15_000,
          },
        },
      ],
    },
  }),
)
