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

/** API strings render as text, never as HTML. */
const NO_INNER_HTML = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'API strings must render as text.',
}
const LOCAL_STORAGE_MESSAGE =
  'Only src/preferences/store.ts touches localStorage (validated preferences, never a token): use its getPreference/usePreference.'
/** localStorage by any name: the global, and as a property of window, globalThis or self. */
const NO_LOCAL_STORAGE = {
  'no-restricted-globals': ['error', { name: 'localStorage', message: LOCAL_STORAGE_MESSAGE }],
  'no-restricted-properties': [
    'error',
    ...['window', 'globalThis', 'self'].map((object) => ({
      object,
      property: 'localStorage',
      message: LOCAL_STORAGE_MESSAGE,
    })),
  ],
  'no-restricted-syntax': [
    'error',
    NO_INNER_HTML,
    {
      // Any other way there (document.defaultView.localStorage, a frame's window).
      selector:
        "MemberExpression[property.name='localStorage']:not([object.name=/^(window|globalThis|self)$/])",
      message: LOCAL_STORAGE_MESSAGE,
    },
  ],
}

/**
 * Every UI string comes from a catalogue (src/i18n/messages): text with a letter written straight
 * into JSX — as a child, or as a label, title, placeholder... — is an error. Codes, ids and symbols
 * without letters are not words to translate.
 */
const I18N_MESSAGE =
  'UI text comes from the catalogue (useI18n().t, src/i18n/messages): add the string to en.ts and ru.ts.'
const LETTER = '/[A-Za-zА-Яа-яЁё]/'
const TEXT_ATTRIBUTES = [
  'label',
  'aria-label',
  'title',
  'placeholder',
  'description',
  'alt',
  'error',
  'nothingFoundMessage',
  'closeButtonLabel',
]
const TEXT_ATTRIBUTE = `JSXAttribute[name.name=/^(${TEXT_ATTRIBUTES.join('|')})$/]`
const IN_CHILDREN = ':matches(JSXElement, JSXFragment) > JSXExpressionContainer'
const NO_UI_STRINGS = [
  `JSXText[value=${LETTER}]`,
  `${TEXT_ATTRIBUTE} > Literal[value=${LETTER}]`,
  `${TEXT_ATTRIBUTE} > JSXExpressionContainer > Literal[value=${LETTER}]`,
  `${TEXT_ATTRIBUTE} > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${LETTER}]`,
  `${IN_CHILDREN} > Literal[value=${LETTER}]`,
  `${IN_CHILDREN} > TemplateLiteral > TemplateElement[value.raw=${LETTER}]`,
  `${IN_CHILDREN} > ConditionalExpression > Literal[value=${LETTER}]`,
  `${IN_CHILDREN} > ConditionalExpression > TemplateLiteral > TemplateElement[value.raw=${LETTER}]`,
].map((selector) => ({ selector, message: I18N_MESSAGE }))

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'dist-server',
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
    rules: NO_LOCAL_STORAGE,
  },
  {
    // The one module that may: it stores a fixed set of validated preferences.
    files: ['src/preferences/store.ts'],
    rules: {
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': ['error', NO_INNER_HTML],
    },
  },
  {
    files: ['src/pages/**/*.tsx', 'src/components/**/*.tsx'],
    ignores: ['**/*.stories.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...NO_LOCAL_STORAGE['no-restricted-syntax'].slice(1),
        ...NO_UI_STRINGS,
      ],
    },
  },
  boundary(
    'api',
    ['components', 'pages', 'session', 'preferences', 'mocks', 'i18n'],
    'api/ knows HTTP only: no React components, pages, session, preferences or mocks.',
  ),
  boundary(
    'components',
    ['api', 'pages', 'session', 'preferences', 'mocks'],
    'components/ are presentational: they take props, never fetch or read preferences.',
  ),
  boundary('session', ['components', 'pages', 'mocks'], 'session/ sits below pages and above api.'),
  boundary(
    'preferences',
    ['components', 'pages', 'session', 'mocks', 'i18n'],
    'preferences/ sits below pages and session: it may read api constants only.',
  ),
  boundary('pages', ['mocks'], 'Pages talk to the API through src/api, never to the mock.'),
  boundary('i18n', ['api', 'components', 'pages', 'session', 'mocks'], 'i18n/ is a leaf.'),
  boundary(
    'domain',
    ['api', 'components', 'pages', 'session', 'preferences', 'mocks', 'i18n', 'dev'],
    'domain/ holds rules free of React and HTTP: it imports nothing of ours.',
  ),
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
