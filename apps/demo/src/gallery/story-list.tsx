import { useEffect, useRef, type MouseEvent } from 'react';
import { routeSearch } from '../read-route.js';
import { storyGroups, type Story } from './story.js';

/** Props of {@link StoryList}. */
export interface StoryListProps {
  stories: readonly Story[];
  /** The path of the story on stage. */
  selected: string | undefined;
  onSelect: (path: string) => void;
}

/** Every story under its main group, as links to its `/?fixture=` address. */
export function StoryList({ stories, selected, onSelect }: StoryListProps) {
  const list = useRef<HTMLElement>(null);
  // A story opened from its address may sit far down the list: bring it into view.
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const select = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    // A plain click stays in the app; a middle click or a modifier opens the link as usual.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onSelect(path);
  };
  return (
    <nav ref={list} className="gallery-stories" aria-label="Stories">
      {storyGroups.map(({ group, label }) => {
        const members = stories.filter((story) => story.group === group);
        if (members.length === 0) return null;
        const headingId = `gallery-group-${group}`;
        return (
          <section key={group} className="gallery-group" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {label} <span className="gallery-count">{members.length}</span>
            </h2>
            <ul>
              {members.map((story) => (
                <li key={story.path}>
                  <a
                    href={routeSearch({ page: 'gallery', fixture: story.path })}
                    aria-current={story.path === selected ? 'true' : undefined}
                    data-fixture={story.path}
                    onClick={(event) => select(event, story.path)}
                  >
                    <span className="gallery-story-title">
                      <span className="gallery-provider">{story.provider}</span> {story.name}
                    </span>
                    <span className="gallery-story-description">{story.description}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
