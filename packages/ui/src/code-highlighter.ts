/**
 * Syntax highlighting for code blocks: the {@link CodeHighlighter} contract the `highlight`
 * prop takes, and the default one, which loads `lowlight` and each grammar lazily.
 */
import type { LanguageFn } from 'highlight.js';
import {
  HIGHLIGHT_LANGUAGE_LOADERS,
  resolveHighlightLanguage,
  type HighlightLanguageLoader,
} from './highlight-languages.js';

/**
 * A node of a highlighted tree, in the shape of hast (what `lowlight` returns). Only `text`
 * nodes and `element`s' class names and children are read: every element becomes a `<span>`,
 * whatever its `tagName`, and every other property is ignored.
 */
export interface HighlightNode {
  type: string;
  /** A text node's text. */
  value?: string;
  tagName?: string;
  properties?: { className?: unknown } | undefined;
  children?: readonly HighlightNode[];
}

/** A highlighted code block: a hast root. */
export interface HighlightTree {
  type: 'root';
  children: readonly HighlightNode[];
}

/**
 * Whether a language can be highlighted now: `ready` (call `highlight`), `pending` (call
 * `load` first), or `unsupported` (unknown language or failed to load: the code stays plain).
 */
export type HighlightLanguageStatus = 'ready' | 'pending' | 'unsupported';

/**
 * What `<StreamingMarkdown highlight>` takes to colour code blocks. All three methods must be
 * cheap to call during render; `load` must be idempotent.
 */
export interface CodeHighlighter {
  /** Whether `language` (a fence's first word) can be highlighted synchronously now. */
  status(language: string): HighlightLanguageStatus;
  /**
   * Starts loading what `language` needs. Resolves once `status(language)` is no longer
   * `pending`; never rejects.
   */
  load(language: string): Promise<void>;
  /** Highlights `code`; called only when `status(language)` is `ready`. */
  highlight(code: string, language: string): HighlightTree;
}

/** What {@link createLazyHighlighter} loads: a `lowlight` factory, and grammars by name. */
export interface LazyHighlighterOptions {
  /** Loads the module that provides `createLowlight`. */
  loadCore: () => Promise<{
    createLowlight: () => {
      register(name: string, grammar: LanguageFn): void;
      highlight(language: string, value: string): HighlightTree;
    };
  }>;
  /** Grammar loaders by grammar name. @defaultValue the built-in list */
  languages?: Readonly<Record<string, HighlightLanguageLoader>>;
  /** Maps a fence's language word to a grammar name. @defaultValue the built-in aliases */
  resolve?: (language: string) => string | undefined;
}

/** A {@link CodeHighlighter} that can also warm itself up. */
export interface LazyHighlighter extends CodeHighlighter {
  /** Loads the core, and the grammars of `languages` if given. */
  preload(languages?: readonly string[]): Promise<void>;
}

type Lowlight = ReturnType<
  Awaited<ReturnType<LazyHighlighterOptions['loadCore']>>['createLowlight']
>;
type GrammarState = 'loading' | 'ready' | 'failed';

/**
 * Creates a highlighter that loads `lowlight` on first use and each grammar the first time a
 * block in that language appears. Every load happens once, however many blocks ask.
 */
export function createLazyHighlighter({
  loadCore,
  languages = HIGHLIGHT_LANGUAGE_LOADERS,
  resolve = resolveHighlightLanguage,
}: LazyHighlighterOptions): LazyHighlighter {
  let core: Lowlight | undefined;
  let corePromise: Promise<Lowlight | undefined> | undefined;
  const grammars = new Map<string, { state: GrammarState; promise: Promise<void> }>();

  const grammarName = (language: string): string | undefined => {
    const name = resolve(language);
    return name !== undefined && Object.hasOwn(languages, name) ? name : undefined;
  };

  const startCore = (): Promise<Lowlight | undefined> => {
    corePromise ??= loadCore().then(
      (module) => (core = module.createLowlight()),
      () => undefined,
    );
    return corePromise;
  };

  const status = (language: string): HighlightLanguageStatus => {
    const name = grammarName(language);
    if (name === undefined) return 'unsupported';
    const state = grammars.get(name)?.state;
    if (state === 'failed') return 'unsupported';
    return state === 'ready' && core !== undefined ? 'ready' : 'pending';
  };

  const load = (language: string): Promise<void> => {
    const name = grammarName(language);
    const loader = name === undefined ? undefined : languages[name];
    if (name === undefined || loader === undefined) return Promise.resolve();
    const known = grammars.get(name);
    if (known !== undefined) return known.promise;
    const entry: { state: GrammarState; promise: Promise<void> } = {
      state: 'loading',
      promise: Promise.resolve(),
    };
    entry.promise = Promise.all([startCore(), loader()]).then(
      ([lowlight, grammar]) => {
        if (lowlight === undefined) {
          entry.state = 'failed';
          return;
        }
        lowlight.register(name, grammar.default);
        entry.state = 'ready';
      },
      // A chunk that failed to load (offline, deploy skew) leaves the code plain, not broken.
      () => {
        entry.state = 'failed';
      },
    );
    grammars.set(name, entry);
    return entry.promise;
  };

  return {
    status,
    load,
    highlight(code, language) {
      const name = grammarName(language);
      if (core === undefined || name === undefined) throw new Error(`${language} is not loaded`);
      return core.highlight(name, code);
    },
    async preload(names = []) {
      await Promise.all([startCore(), ...names.map(load)]);
    },
  };
}

/** The highlighter `<StreamingMarkdown>` uses unless told otherwise. */
export const defaultHighlighter: LazyHighlighter = createLazyHighlighter({
  loadCore: () => import('./highlighter-core.js'),
});

/**
 * Starts loading the default highlighter before any code block needs it, so the first block
 * shows in colour at once: call it when the chat mounts, or when the user sends a message.
 *
 * @param languages - Fence languages to load grammars for (`['ts', 'py']`); unknown ones are
 * ignored. Without it only the core loads and grammars still load per block.
 * @returns A promise that resolves when all of it has loaded (or failed: it never rejects).
 */
export function preloadHighlighter(languages?: readonly string[]): Promise<void> {
  return defaultHighlighter.preload(languages);
}
