/**
 * The grammars the default highlighter can load, each its own chunk: every loader is a literal
 * `import()` so bundlers split it out of the main bundle, and only a language that appears in
 * an answer is ever fetched.
 */
import type { LanguageFn } from 'highlight.js';

/** Loads one highlight.js grammar module. */
export type HighlightLanguageLoader = () => Promise<{ default: LanguageFn }>;

/** Grammar loaders by highlight.js language name. */
export const HIGHLIGHT_LANGUAGE_LOADERS: Readonly<Record<string, HighlightLanguageLoader>> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  go: () => import('highlight.js/lib/languages/go'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  python: () => import('highlight.js/lib/languages/python'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scss: () => import('highlight.js/lib/languages/scss'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

/**
 * Fence info words → grammar names, for the names models write. JSX and TSX use the
 * JavaScript and TypeScript grammars, which understand JSX.
 */
export const HIGHLIGHT_LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  'c#': 'csharp',
  'c++': 'cpp',
  cc: 'cpp',
  cjs: 'javascript',
  cs: 'csharp',
  cts: 'typescript',
  cxx: 'cpp',
  docker: 'dockerfile',
  golang: 'go',
  h: 'c',
  hpp: 'cpp',
  html: 'xml',
  js: 'javascript',
  jsonc: 'json',
  jsx: 'javascript',
  kt: 'kotlin',
  md: 'markdown',
  mjs: 'javascript',
  mts: 'typescript',
  patch: 'diff',
  py: 'python',
  python3: 'python',
  rb: 'ruby',
  rs: 'rust',
  sh: 'bash',
  shell: 'bash',
  svg: 'xml',
  toml: 'ini',
  ts: 'typescript',
  tsx: 'typescript',
  yml: 'yaml',
  zsh: 'bash',
};

/**
 * The grammar name for a fence's language word (case-insensitive), or `undefined` for a
 * language with no grammar here (its code stays plain).
 */
export function resolveHighlightLanguage(language: string): string | undefined {
  const lower = language.toLowerCase();
  const name = Object.hasOwn(HIGHLIGHT_LANGUAGE_ALIASES, lower)
    ? HIGHLIGHT_LANGUAGE_ALIASES[lower]
    : lower;
  return name !== undefined && Object.hasOwn(HIGHLIGHT_LANGUAGE_LOADERS, name) ? name : undefined;
}
