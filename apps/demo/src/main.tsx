import { StrictMode } from 'react';
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
