import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importX } from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layers of the README's map and what each may not import. Arrows run one way: pages →
 * components, api, session, preferences, i18n, log, domain; log (the log's view model) → api
 * types, components' types, i18n, domain; components → i18n, domain; session → api, preferences;
 * api → domain; i18n → preferences, domain; domain → nothing of ours; mocks → api types and
 * domain; dev (the Mock API panel) → mocks, api.
 */
const LAYERS = {
  api: ['components', 'pages', 'session', 'preferences', 'mocks', 'i18n', 'dev', 'log'],
  components: ['api', 'pages', 'session', 'preferences', 'mocks', 'dev', 'log'],
  session: ['components', 'pages', 'mocks', 'dev', 'log'],
  preferences: ['components', 'pages', 'session', 'mocks', 'i18n', 'dev', 'log'],
  pages: ['mocks', 'dev'],
  i18n: ['api', 'components', 'pages', 'session', 'mocks', 'dev', 'log'],
  domain: ['api', 'components', 'pages', 'session', 'preferences', 'mocks', 'i18n', 'dev', 'log'],
  mocks: ['components', 'pages', 'session', 'preferences', 'i18n', 'dev', 'log'],
  log: ['pages', 'session', 'preferences', 'mocks', 'dev'],
}
/** Page folders never import each other: what two pages share lives below them. */
const PAGE_FOLDERS = [
  'callback',
  'home',
  'lock',
  'not-found',
  'overview',
  'shell',
  'sign-in',
  'tax-systems',
  'transactions',
]

const restricted = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
})
const layerPatterns = (layer) =>
  LAYERS[layer].map((dir) => ({
    group: [`@/${dir}`, `@/${dir}/*`, `**/${dir}`, `**/${dir}/*`],
    message: `src/${layer}/ may not import src/${dir}/ (the README's architecture map).`,
  }))
const boundaries = [
  ...Object.keys(LAYERS).map((layer) =>
    restricted([`src/${layer}/**/*.{ts,tsx}`], layerPatterns(layer)),
  ),
  ...PAGE_FOLDERS.map((folder) =>
    restricted(
      [`src/pages/${folder}/**/*.{ts,tsx}`],
      [
        ...layerPatterns('pages'),
        ...PAGE_FOLDERS.filter((other) => other !== folder).map((other) => ({
          group: [`@/pages/${other}`, `@/pages/${other}/*`, `../${other}`, `../${other}/*`],
          message: `Page folders do not import each other (${folder} → ${other}): move what both need below the pages.`,
        })),
      ],
    ),
  ),
]

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
    plugins: { 'jsx-a11y': jsxA11y },
    rules: jsxA11y.flatConfigs.recommended.rules,
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
  {
    // One screenful of ideas a module: past 300 lines it holds more than one. Catalogues and
    // stories are lists, not ideas.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.stories.tsx', 'src/i18n/messages/**'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  ...boundaries,
  {
    // The hooks' rules wherever React hooks are written, .ts files included.
    files: ['src/**/*.{ts,tsx}', '.storybook/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index'], 'type'],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'server/**', 'e2e/**', 'test/**', '*.config.{ts,js}', '.storybook/**'],
    rules: { 'no-console': 'off', 'no-restricted-syntax': 'off' },
  },
)
