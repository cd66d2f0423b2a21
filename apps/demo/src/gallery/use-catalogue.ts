import { useEffect, useState } from 'react';
import type { Catalogue } from './story.js';

/** Where the catalogue stands: loading, loaded, or failed with a message. */
export type CatalogueState =
  | { status: 'loading' }
  | { status: 'ready'; catalogue: Catalogue }
  | { status: 'error'; message: string };

/** Fetches the gallery's stories once from `GET /demo-api/catalogue`. */
export function useCatalogue(): CatalogueState {
  const [state, setState] = useState<CatalogueState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetch('/demo-api/catalogue', { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        setState({ status: 'ready', catalogue: (await response.json()) as Catalogue });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setState({ status: 'error', message });
      });
    return () => controller.abort();
  }, []);
  return state;
}
