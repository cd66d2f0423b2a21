import type { MessageItem } from '@rill/core';
import { ResponseView, StreamingMarkdown, type RenderText } from '@rill/ui';
import { EventVisualizer } from '../visualizer/event-visualizer.js';
import { PlaybackControls } from './playback-controls.js';
import type { PlaybackSettings } from './playback-settings.js';
import { storyGroups, type Story } from './story.js';
import { useStoryPlayer } from './use-story-player.js';

/** Props of {@link StoryPlayer}. */
export interface StoryPlayerProps {
  story: Story;
  settings: PlaybackSettings;
  onSettingsChange: (settings: PlaybackSettings) => void;
}

// Defined once, so ResponseView's memoized items do not re-render for a new function.
const renderMarkdown: RenderText = (text: string, item: MessageItem) => (
  <StreamingMarkdown text={text} streaming={item.status === 'in_progress'} />
);

const groupLabels = new Map(storyGroups.map(({ group, label }) => [group, label]));

/** One story on stage: what it is, the playback controls, the response and its events. */
export function StoryPlayer({ story, settings, onSettingsChange }: StoryPlayerProps) {
  const player = useStoryPlayer(story, settings);
  return (
    <article
      className="gallery-player"
      aria-labelledby="gallery-story-heading"
      data-fixture={story.path}
      data-state={player.ended ? 'ended' : player.mode}
    >
      <header className="gallery-story-header">
        <h1 id="gallery-story-heading">
          <span className="gallery-provider">{story.provider}</span> {story.name}
        </h1>
        <p className="gallery-story-description">{story.description}</p>
        <p className="gallery-tags">
          <code>{story.path}</code>
          {story.groups.map((group) => (
            <span key={group} className="gallery-tag" data-main={group === story.group}>
              {groupLabels.get(group)}
            </span>
          ))}
        </p>
      </header>
      <PlaybackControls
        mode={player.mode}
        ended={player.ended}
        status={player.state.status}
        eventCount={player.events.length}
        settings={settings}
        onSettingsChange={onSettingsChange}
        onPlay={player.play}
        onPause={player.pause}
        onStep={player.step}
        onRestart={player.restart}
        onStop={player.stop}
      />
      <div className="gallery-panes">
        {/* The response scrolls inside its pane; a scrollable region must take the keyboard's
            focus to be scrolled without a mouse (WCAG 2.1.1). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <section className="gallery-response" aria-label="Rendered response" tabIndex={0}>
          {player.state.status === 'idle' ? (
            <p className="gallery-empty">Waiting for the first event…</p>
          ) : null}
          <ResponseView state={player.state} renderText={renderMarkdown} />
        </section>
        <section className="gallery-events" aria-label="Events">
          <EventVisualizer events={player.events} />
        </section>
      </div>
    </article>
  );
}
