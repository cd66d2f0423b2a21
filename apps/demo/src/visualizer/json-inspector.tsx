import { useState, type SyntheticEvent } from 'react';
import { ShowMoreItem } from './show-more-item.js';

/** Props of {@link JsonInspector}. */
export interface JsonInspectorProps {
  /** Any value: plain data is shown as JSON; `undefined`, functions and the like are named. */
  value: unknown;
  /** The name of the root node. */
  label: string;
  /**
   * Which nodes are open at first (`path` is the node's `data-path`, `''` for the root); the
   * others open on demand.
   * @defaultValue the first two levels
   */
  initiallyOpen?: ((path: string, depth: number) => boolean) | undefined;
}

/** The first two levels open: enough to see the shape of an event. */
const firstTwoLevels = (_path: string, depth: number) => depth < 2;

/** Entries shown before a "show more" button: states can hold thousands of logprobs. */
const pageSize = 100;
/** Characters of a string shown before a "show all" button (base64 images run to megabytes). */
const stringLimit = 400;

type Entries = readonly (readonly [string, unknown])[];

function entriesOf(value: object): Entries {
  return Array.isArray(value)
    ? value.map((entry, index) => [String(index), entry] as const)
    : Object.entries(value);
}

function preview(value: object, count: number): string {
  if (Array.isArray(value)) return `[${count}]`;
  return count === 0 ? '{}' : `{${count} ${count === 1 ? 'key' : 'keys'}}`;
}

function StringValue({ value }: { value: string }) {
  const [whole, setWhole] = useState(false);
  const json = JSON.stringify(value);
  if (whole || json.length <= stringLimit)
    return (
      <span className="vz-json-value" data-type="string">
        {json}
      </span>
    );
  return (
    <>
      <span className="vz-json-value" data-type="string">
        {json.slice(0, stringLimit)}…
      </span>{' '}
      <button type="button" className="vz-link-button" onClick={() => setWhole(true)}>
        show all {value.length.toLocaleString('en')} characters
      </button>
    </>
  );
}

function Leaf({ value }: { value: unknown }) {
  if (typeof value === 'string') return <StringValue value={value} />;
  const type = value === null ? 'null' : typeof value;
  const shown =
    typeof value === 'function' ? 'ƒ' : typeof value === 'bigint' ? `${value}n` : String(value);
  return (
    <span className="vz-json-value" data-type={type}>
      {shown}
    </span>
  );
}

interface NodeProps {
  name: string;
  value: unknown;
  path: string;
  depth: number;
  initiallyOpen: (path: string, depth: number) => boolean;
}

function Children({
  value,
  path,
  depth,
  initiallyOpen,
}: Omit<NodeProps, 'name'> & { value: object }) {
  const [shown, setShown] = useState(pageSize);
  const entries = entriesOf(value);
  return (
    <ul className="vz-json-children">
      {entries.slice(0, shown).map(([key, entry]) => (
        <JsonNode
          key={key}
          name={key}
          value={entry}
          path={path === '' ? key : `${path}.${key}`}
          depth={depth + 1}
          initiallyOpen={initiallyOpen}
        />
      ))}
      <ShowMoreItem
        total={entries.length}
        shown={shown}
        pageSize={pageSize}
        onMore={() => setShown((count) => count + pageSize)}
      />
    </ul>
  );
}

function JsonNode({ name, value, path, depth, initiallyOpen }: NodeProps) {
  const [open, setOpen] = useState(() => initiallyOpen(path, depth));
  const key = (
    <span className="vz-json-key">
      {name}
      <span aria-hidden="true">: </span>
    </span>
  );
  const count = value !== null && typeof value === 'object' ? entriesOf(value).length : 0;
  // Scalars and empty containers have nothing to open.
  if (value === null || typeof value !== 'object' || count === 0)
    return (
      <li className="vz-json-node" data-path={path}>
        {key}
        {value !== null && typeof value === 'object' ? (
          <span className="vz-json-value" data-type={Array.isArray(value) ? 'array' : 'object'}>
            {Array.isArray(value) ? '[]' : '{}'}
          </span>
        ) : (
          <Leaf value={value} />
        )}
      </li>
    );
  return (
    <li className="vz-json-node" data-path={path}>
      <details
        open={open}
        onToggle={(event: SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open)}
      >
        <summary>
          {key}
          <span className="vz-json-preview">{preview(value, count)}</span>
        </summary>
        {/* Closed nodes render nothing: a whole state with every node in the DOM is slow. */}
        {open && <Children value={value} path={path} depth={depth} initiallyOpen={initiallyOpen} />}
      </details>
    </li>
  );
}

/**
 * A collapsible tree of a JSON-like value. Every node is a `<details>` (keyboard-operable and
 * announced by screen readers without extra ARIA) and every value a text node, so untrusted
 * strings are never markup. Each node carries `data-path` (`toolCalls.0.arguments`).
 */
export function JsonInspector({
  value,
  label,
  initiallyOpen = firstTwoLevels,
}: JsonInspectorProps) {
  return (
    <ul className="vz-json" aria-label={label}>
      <JsonNode name={label} value={value} path="" depth={0} initiallyOpen={initiallyOpen} />
    </ul>
  );
}
