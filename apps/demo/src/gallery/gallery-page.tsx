/** Props of {@link GalleryPage}. */
export interface GalleryPageProps {
  /** The recording to open and play at once (a path under fixtures/), from `?fixture=`. */
  fixture: string | undefined;
  /** Opens another recording (updates the address). */
  onSelect: (fixture: string) => void;
}

/** Every recorded stream as a story, with playback controls and the event visualizer. */
export function GalleryPage({ fixture }: GalleryPageProps) {
  return <p>Gallery: {fixture ?? 'pick a story'}</p>;
}
