import { MARKDOWN_XSS_CORPUS } from '@rill/testing/markdown-xss-corpus';
import { ResponseView, StreamingMarkdown } from '@rill/ui';
import { useEffect, useMemo, useState } from 'react';
import { hostileResponse } from './hostile-response.js';
import './xss.css';

/** Characters revealed per animation frame: small, so every payload is seen half-written too. */
const STEP = 3;
const longest = Math.max(...MARKDOWN_XSS_CORPUS.map((payload) => payload.length));

/**
 * The XSS corpus streamed through the components, a few characters a frame, so each payload
 * is rendered in every partial form on the way: nothing in it may execute, load or navigate.
 * The browser tests count dialogs, foreign requests and dangerous nodes on this page.
 */
export function XssPage() {
  const [shown, setShown] = useState(0);
  const done = shown >= longest;
  useEffect(() => {
    if (done) return;
    const frame = requestAnimationFrame(() => setShown((count) => count + STEP));
    return () => cancelAnimationFrame(frame);
  }, [shown, done]);
  const response = useMemo(() => hostileResponse(MARKDOWN_XSS_CORPUS), []);
  return (
    <section className="xss" aria-labelledby="xss-title">
      <h1 id="xss-title">Safety: {MARKDOWN_XSS_CORPUS.length} XSS payloads, streamed</h1>
      <p className="xss-lede">
        Model text is untrusted. Each payload below streams in through{' '}
        <code>StreamingMarkdown</code>; raw HTML shows as text, links keep only http(s) and mailto,
        and remote images wait for a click.
      </p>
      <p role="status" data-testid="xss-progress" data-state={done ? 'done' : 'streaming'}>
        {done ? 'All payloads rendered.' : 'Streaming…'}
      </p>
      <ol className="xss-list" data-testid="xss-corpus">
        {MARKDOWN_XSS_CORPUS.map((payload, index) => (
          <li key={index} className="xss-case">
            <pre className="xss-source">{payload}</pre>
            <div className="xss-rendered">
              <StreamingMarkdown text={payload.slice(0, shown)} streaming={!done} />
            </div>
          </li>
        ))}
      </ol>
      <h2>A whole hostile response</h2>
      <div data-testid="xss-response">
        <ResponseView state={response} />
      </div>
    </section>
  );
}
