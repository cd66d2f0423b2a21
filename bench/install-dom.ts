/**
 * Installs a happy-dom window as the global DOM for a bench that renders with react-dom, and
 * returns what undoes it (every global it touched is restored, the window closed).
 *
 * `window`, `document` and `navigator` (Node 20 has none; react-dom reads it when it loads) are
 * always set, with `IS_REACT_ACT_ENVIRONMENT`. `requestAnimationFrame` and
 * `cancelAnimationFrame` are saved and restored but left to the caller (the React bench installs
 * a manual frame clock); pass them in `fromWindow` to take happy-dom's.
 *
 * @param fromWindow - more globals to copy from the window (functions bound to it)
 */
export async function installDom(fromWindow: readonly string[] = []): Promise<() => Promise<void>> {
  const { Window } = await import('happy-dom');
  const window = new Window();
  const globals = globalThis as unknown as Record<string, unknown>;
  const names = [
    'window',
    'document',
    'navigator',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'IS_REACT_ACT_ENVIRONMENT',
    ...fromWindow,
  ];
  const saved = new Map(
    names.map((name) => [name, Object.getOwnPropertyDescriptor(globals, name)]),
  );
  globals['window'] = window;
  globals['document'] = window.document;
  globals['navigator'] = window.navigator;
  globals['IS_REACT_ACT_ENVIRONMENT'] = true;
  const source = window as unknown as Record<string, unknown>;
  for (const name of fromWindow) {
    const value = source[name];
    globals[name] = typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(window) : value;
  }
  return async () => {
    for (const [name, descriptor] of saved) {
      if (descriptor === undefined) delete globals[name];
      else Object.defineProperty(globals, name, descriptor);
    }
    await window.happyDOM.close();
  };
}
