import type { MouseEvent } from 'react';
import { ChatPage } from './chat/chat-page.js';
import { GalleryPage } from './gallery/gallery-page.js';
import { InspectPage } from './inspect/inspect-page.js';
import { MatrixPage } from './matrix/matrix-page.js';
import type { Page, Route } from './read-route.js';
import { routeSearch } from './read-route.js';
import { useRoute } from './use-route.js';
import { XssPage } from './xss/xss-page.js';

const NAV: readonly { page: Page; label: string }[] = [
  { page: 'gallery', label: 'Gallery' },
  { page: 'inspect', label: 'Inspect' },
  { page: 'chat', label: 'Chat' },
  { page: 'matrix', label: 'Tool-card matrix' },
  { page: 'xss', label: 'Safety' },
];

/** The demo: a header with the pages, and the page the address names. */
export function App() {
  const [route, navigate] = useRoute();
  const go = (event: MouseEvent<HTMLAnchorElement>, to: Route) => {
    // Plain links that work with a middle click or a new tab; a plain click stays in the app.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <div className="demo" data-page={route.page}>
      <header className="demo-header">
        <a
          className="demo-brand"
          href="/"
          onClick={(event) => go(event, { page: 'gallery', fixture: undefined })}
        >
          rill
        </a>
        <nav aria-label="Demo pages">
          {NAV.map(({ page, label }) => {
            const to: Route = { page, fixture: undefined };
            return (
              <a
                key={page}
                href={routeSearch(to)}
                aria-current={route.page === page ? 'page' : undefined}
                onClick={(event) => go(event, to)}
              >
                {label}
              </a>
            );
          })}
        </nav>
      </header>
      <main className="demo-main">
        {route.page === 'gallery' && (
          <GalleryPage
            fixture={route.fixture}
            onSelect={(fixture) => navigate({ page: 'gallery', fixture })}
          />
        )}
        {route.page === 'inspect' && <InspectPage />}
        {route.page === 'chat' && <ChatPage />}
        {route.page === 'matrix' && <MatrixPage />}
        {route.page === 'xss' && <XssPage />}
      </main>
    </div>
  );
}
