import type { ToolCall } from '@rill/core';
import { base64ImageUrl, LINK_REL, safeHttpUrl } from './url-policy.js';
import { useSlotProps } from './slot-props.js';
import { ToolCallSection, ToolCallText } from './tool-call-section.js';

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((entry): entry is string => typeof entry === 'string')
    : [];
}

function TextList({ name, label, entries }: { name: string; label: string; entries: string[] }) {
  const slot = useSlotProps();
  if (entries.length === 0) return null;
  return (
    <ToolCallSection name={name} label={label}>
      <ul {...slot('tool-call-list')}>
        {entries.map((entry, index) => (
          <li key={index} {...slot('tool-call-list-item')}>
            {entry}
          </li>
        ))}
      </ul>
    </ToolCallSection>
  );
}

/** A link when the URL is http(s), else the URL as text. */
export function SafeLink({ url, children }: { url: unknown; children?: string }) {
  const slot = useSlotProps();
  const href = safeHttpUrl(url);
  const text = children ?? (typeof url === 'string' ? url : '');
  if (href === undefined) return <span {...slot('tool-call-source')}>{text}</span>;
  return (
    <a {...slot('tool-call-link')} href={href} target="_blank" rel={LINK_REL}>
      {text}
    </a>
  );
}

/** Web search: the queries (or the page it opened or searched in), then the sources. */
export function WebSearchBody({ call }: { call: ToolCall }) {
  const slot = useSlotProps();
  const action = (call.item as { action?: Record<string, unknown> }).action ?? {};
  const queries = [...strings(action['queries']), ...strings([action['query']])].filter(
    (query, index, all) => all.indexOf(query) === index,
  );
  const pattern = typeof action['pattern'] === 'string' ? action['pattern'] : undefined;
  const sources = Array.isArray(action['sources']) ? action['sources'] : [];
  return (
    <>
      <TextList name="queries" label="Queries" entries={queries} />
      {pattern === undefined ? null : (
        <TextList name="pattern" label="Find in page" entries={[pattern]} />
      )}
      {typeof action['url'] === 'string' ? (
        <ToolCallSection name="page" label="Page">
          <SafeLink url={action['url']} />
        </ToolCallSection>
      ) : null}
      {sources.length === 0 ? null : (
        <ToolCallSection name="sources" label="Sources">
          <ul {...slot('tool-call-list')}>
            {sources.map((source, index) => (
              <li key={index} {...slot('tool-call-list-item')}>
                <SafeLink url={(source as { url?: unknown } | null)?.url} />
              </li>
            ))}
          </ul>
        </ToolCallSection>
      )}
    </>
  );
}

/** File search: the queries, then each result's file name, score and text. */
export function FileSearchBody({ call }: { call: ToolCall }) {
  const slot = useSlotProps();
  const item = call.item as { queries?: unknown; results?: unknown };
  const results = Array.isArray(item.results) ? (item.results as Record<string, unknown>[]) : [];
  return (
    <>
      <TextList name="queries" label="Queries" entries={strings(item.queries)} />
      {results.length === 0 ? null : (
        <ToolCallSection name="results" label="Results">
          <ul {...slot('tool-call-list')}>
            {results.map((result, index) => (
              <li key={index} {...slot('tool-call-list-item')}>
                <span {...slot('tool-call-file')}>
                  {String(result?.['filename'] ?? result?.['file_id'] ?? 'file')}
                </span>
                {typeof result?.['score'] === 'number' ? (
                  <span {...slot('tool-call-score')}> ({result['score'].toFixed(2)})</span>
                ) : null}
                {typeof result?.['text'] === 'string' ? (
                  <ToolCallText>{result['text']}</ToolCallText>
                ) : null}
              </li>
            ))}
          </ul>
        </ToolCallSection>
      )}
    </>
  );
}

/** Code interpreter: the code as it streams in, then logs and images. */
export function CodeInterpreterBody({ call }: { call: ToolCall }) {
  const slot = useSlotProps();
  const item = call.item as { code?: unknown; outputs?: unknown };
  const code =
    call.arguments !== '' ? call.arguments : typeof item.code === 'string' ? item.code : '';
  const outputs = Array.isArray(item.outputs) ? (item.outputs as Record<string, unknown>[]) : [];
  return (
    <>
      {code === '' ? null : (
        <ToolCallSection name="code" label="Code">
          <ToolCallText>{code}</ToolCallText>
        </ToolCallSection>
      )}
      {outputs.map((output, index) => {
        if (output?.['type'] === 'logs' && typeof output['logs'] === 'string') {
          return (
            <ToolCallSection key={index} name="logs" label="Logs">
              <ToolCallText>{output['logs']}</ToolCallText>
            </ToolCallSection>
          );
        }
        const src = output?.['type'] === 'image' ? safeHttpUrl(output['url']) : undefined;
        return src === undefined ? null : (
          <ToolCallSection key={index} name="image" label="Image">
            <img {...slot('tool-call-image')} src={src} alt="Code interpreter output" />
          </ToolCallSection>
        );
      })}
    </>
  );
}

/** Image generation: the latest preview as it arrives, then the final image. */
export function ImageGenerationBody({ call }: { call: ToolCall }) {
  const slot = useSlotProps();
  const item = call.item as { result?: unknown; output_format?: unknown; revised_prompt?: unknown };
  const latest = call.partialImages.at(-1);
  const final = base64ImageUrl(item.result, item.output_format);
  const preview =
    latest === undefined ? undefined : base64ImageUrl(latest.b64, latest.outputFormat);
  const src = final ?? preview;
  const prompt = typeof item.revised_prompt === 'string' ? item.revised_prompt : undefined;
  if (src === undefined) return null;
  return (
    <ToolCallSection name="image" label={final === undefined ? 'Preview' : 'Image'}>
      <img
        {...slot('tool-call-image')}
        data-state={final === undefined ? 'partial' : 'final'}
        src={src}
        alt={
          prompt ?? (final === undefined ? 'Image being generated (preview)' : 'Generated image')
        }
      />
    </ToolCallSection>
  );
}
