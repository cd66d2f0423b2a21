import { StrictMode } from 'react';
import { preloadHighlighter } from '@rill/ui';
import { createRoot } from 'react-dom/client';
import '@rill/ui/styles.css';
import './demo.css';
import { App } from './app.js';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Once the page is idle, fetch the highlighter and the grammars answers use most, so the first
// code block of a story or a chat shows in colour at once (others still load on first sight).
const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
idle(() => void preloadHighlighter(['ts', 'js', 'py', 'json', 'sh']));
