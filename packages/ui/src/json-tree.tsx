import type { JsonValue } from '@rill/core';
import { useSlotProps } from './slot-props.js';

/** Props of {@link JsonTree}. */
export interface JsonTreeProps {
  /** The value to show; partial JSON as it streams is fine. */
  value: JsonValue | undefined;
}

/**
 * A JSON value as a readable tree: objects as term/description lists, arrays as ordered lists,
 * strings as plain text (never markup). Every node is a React text node, so a `<script>` in a
 * tool's arguments stays text.
 */
export function JsonTree({ value }: JsonTreeProps) {
  const slot = useSlotProps();
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') {
    return (
      <span {...slot('json-value')} data-type={value === null ? 'null' : typeof value}>
        {typeof value === 'string' ? value : String(value)}
      </span>
    );
  }
  if (Array.isArray(value)) {
    return (
      <ol {...slot('json-array')}>
        {value.map((entry, index) => (
          <li key={index} {...slot('json-item')}>
            <JsonTree value={entry} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <dl {...slot('json-object')}>
      {Object.entries(value).map(([key, entry]) => (
        <div key={key} {...slot('json-entry')}>
          <dt {...slot('json-key')}>{key}</dt>
          <dd {...slot('json-entry-value')}>
            <JsonTree value={entry} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Parses a string as JSON, or gives it back as it is. */
export function parseJsonOrText(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
