// @vitest-environment node
import './test-support/same-react.js';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { useResponseItem } from './use-response-item.js';
import { useResponseStream } from './use-response-stream.js';

const browserOnly = ['window', 'document', 'requestAnimationFrame', 'cancelAnimationFrame'];

function Answer() {
  const { state, store } = useResponseStream({ onDone: () => undefined });
  const first = useResponseItem(store, 0);
  return (
    <p data-state={state.status}>
      {first === undefined ? 'nothing yet' : 'an item'}
      {state.text}
    </p>
  );
}

afterEach(() => {
  for (const name of browserOnly) Reflect.deleteProperty(globalThis, name);
});

describe('useResponseStream on the server', () => {
  it('renders the idle state without touching window or animation frames', () => {
    const touched: string[] = [];
    for (const name of browserOnly) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name);
          throw new Error(`${name} is not available on the server`);
        },
      });
    }
    expect(renderToString(<Answer />)).toBe('<p data-state="idle">nothing yet</p>');
    expect(touched).toEqual([]);
  });
});
