import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Import boundaries from design.md: pages → components, api, session, i18n; components → i18n only;
 * session → api; api → nothing of ours above it; mocks → api types only.
 */
const boundary = (from, forbidden, message) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((dir) => ({
          group: [`@/${dir}`, `@/${dir}/*`, `**/${dir}`, `**/${dir}/*`],
          message,
        })),
      },
    ],
  },
})

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'storybook-static',
      'coverage',
      'mock-public',
      'src/api/schema.gen.ts',
      'test-results',
      'playwright-report',
      '!.storybook',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'API strings must render as text.',
        },
        {
          selector: "MemberExpression[object.name='localStorage']",
          message: 'Tokens never go to localStorage; preferences go through src/session.',
        },
      ],
    },
  },
  boundary(
    'api',
    ['components', 'pages', 'session', 'mocks', 'i18n'],
    'api/ knows HTTP only: no React components, pages, session or mocks.',
  ),
  boundary(
    'components',
    ['api', 'pages', 'session', 'mocks'],
    'components/ are presentational: they take props, never fetch.',
  ),
  boundary('session', ['components', 'pages', 'mocks'], 'session/ sits below pages and above api.'),
  boundary('pages', ['mocks'], 'Pages talk to the API through src/api, never to the mock.'),
  boundary('i18n', ['api', 'components', 'pages', 'session', 'mocks'], 'i18n/ is a leaf.'),
  {
    ...boundary(
      'mocks',
      ['components', 'pages', 'session', 'i18n'],
      'mocks/ may use api types only.',
    ),
  },
  {
    files: ['scripts/**', 'server/**', 'e2e/**', 'test/**', '*.config.{ts,js}', '.storybook/**'],
    rules: { 'no-console': 'off', 'no-restricted-syntax': 'off' },
  },
)
