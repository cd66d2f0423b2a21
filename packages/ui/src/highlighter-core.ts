/**
 * The only module that imports `lowlight`. The default highlighter loads it with `import()`,
 * so it becomes its own chunk; importing the one binding statically here (rather than from the
 * dynamic import's namespace) lets bundlers drop the grammar bundles `lowlight`'s entry
 * re-exports (`all`, `common`): only highlight.js's core comes along.
 */
export { createLowlight } from 'lowlight';
