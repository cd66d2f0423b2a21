import { useState } from 'react';
import './gallery.css';
import { readPlaybackSettings, type PlaybackSettings } from './playback-settings.js';
import { StoryList } from './story-list.js';
import { StoryPlayer } from './story-player.js';
import { useCatalogue } from './use-catalogue.js';

/** Props of {@link GalleryPage}. */
export interface GalleryPageProps {
  /** The recording to open and play at once (a path under fixtures/), from `?fixture=`. */
  fixture: string | undefined;
  /** Opens another recording (updates the address). */
  onSelect: (fixture: string) => void;
}

/** Every recorded stream as a story, with playback controls and the event visualizer. */
export function GalleryPage({ fixture, onSelect }: GalleryPageProps) {
  const catalogue = useCatalogue();
  // `&speed=`, `&chunk=` and `&seed=` in the address choose how the first story plays.
  const [settings, setSettings] = useState<PlaybackSettings>(() =>
    readPlaybackSettings(window.location.search),
  );
  const stories = catalogue.status === 'ready' ? catalogue.catalogue.stories : [];
  const story = stories.find((candidate) => candidate.path === fixture);
  return (
    <div className="gallery">
      {catalogue.status === 'ready' ? (
        <StoryList stories={stories} selected={fixture} onSelect={onSelect} />
      ) : (
        <div className="gallery-stories" />
      )}
      <div className="gallery-stage">
        {catalogue.status === 'loading' ? (
          <p className="gallery-empty" role="status">
            Loading the recordings…
          </p>
        ) : catalogue.status === 'error' ? (
          <p className="gallery-message" role="alert">
            The list of recordings could not be loaded: {catalogue.message}.
          </p>
        ) : fixture === undefined ? (
          <div className="gallery-intro">
            <h1>Gallery</h1>
            <p>
              {stories.length} recorded Responses API streams from real providers, replayed over
              HTTP from this server and rendered live by rill. Pick a story to play it; pause, step
              one event or one chunk at a time, change the speed or how the bytes are cut.
            </p>
          </div>
        ) : story === undefined ? (
          <p className="gallery-message" role="alert">
            There is no recording at <code>{fixture}</code>. Pick a story from the list.
          </p>
        ) : (
          <StoryPlayer
            key={story.path}
            story={story}
            settings={settings}
            onSettingsChange={setSettings}
          />
        )}
      </div>
    </div>
  );
}
