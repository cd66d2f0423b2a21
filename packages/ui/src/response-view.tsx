import type {
  Annotation,
  JsonValue,
  MessageItem,
  OutputItem,
  ReasoningItem,
  ResponseState,
  ToolCall,
} from '@rill/core';
import { memo, type ReactNode } from 'react';
import { Citations } from './citations.js';
import { OutputItemCard } from './output-item-card.js';
import { Reasoning } from './reasoning.js';
import { Refusal } from './refusal.js';
import { StatusBanner } from './status-banner.js';
import { StreamingMarkdown } from './streaming-markdown.js';
import { ToolCallCard, type ToolCallCardProps } from './tool-call-card.js';

/** Renders one `output_text` part's text; the default is {@link StreamingMarkdown}. */
export type RenderText = (text: string, item: MessageItem) => ReactNode;

/** Props of {@link ResponseView}. */
export interface ResponseViewProps {
  state: ResponseState;
  /**
   * Renders message text. Keep it stable (define it outside the component or memoize it) so
   * untouched items do not re-render.
   * @defaultValue `<StreamingMarkdown>`, streaming while the message is `in_progress`
   */
  renderText?: RenderText | undefined;
  /** Results the client got for its calls, by `call_id`. */
  results?: Readonly<Record<string, JsonValue>> | undefined;
  /** Answers to MCP approval requests, by the request's item id. */
  decisions?: Readonly<Record<string, 'approved' | 'denied'>> | undefined;
  onApprove?: ToolCallCardProps['onApprove'];
  onDeny?: ToolCallCardProps['onDeny'];
  className?: string | undefined;
}

const markdownText: RenderText = (text, item) => (
  <StreamingMarkdown text={text} streaming={item.status === 'in_progress'} />
);

function Message({ item, renderText }: { item: MessageItem; renderText: RenderText }) {
  const annotations: Annotation[] = [];
  for (const part of item.content)
    if (part.type === 'output_text') annotations.push(...(part.annotations ?? []));
  return (
    <div
      data-slot="response-message"
      data-state={item.status === 'in_progress' ? 'streaming' : 'done'}
    >
      {item.content.map((part, index) =>
        part.type === 'output_text' ? (
          <div key={index} data-slot="response-part">
            {renderText(part.text, item)}
          </div>
        ) : part.type === 'refusal' ? (
          <Refusal key={index} refusal={part.refusal} />
        ) : null,
      )}
      <Citations annotations={annotations} />
    </div>
  );
}

interface ItemViewProps extends Omit<
  ResponseViewProps,
  'state' | 'renderText' | 'className' | 'results' | 'decisions'
> {
  item: OutputItem;
  toolCall: ToolCall | undefined;
  renderText: RenderText;
  result: JsonValue | undefined;
  decision: 'approved' | 'denied' | undefined;
}

/** One output item; memoized, so an item (and its call) that kept its identity is skipped. */
const ItemView = memo(function ItemView({ item, toolCall, renderText, ...card }: ItemViewProps) {
  if (item.type === 'message')
    return <Message item={item as MessageItem} renderText={renderText} />;
  if (item.type === 'reasoning') return <Reasoning item={item as ReasoningItem} />;
  if (toolCall !== undefined) return <ToolCallCard toolCall={toolCall} {...card} />;
  return <OutputItemCard item={item} />;
});

/** Output items that only carry another item's result, shown in that item's card. */
const resultItemTypes = new Set(['shell_call_output']);

/**
 * A whole response, in output order: message text (through `renderText`), refusals and
 * citations, reasoning, tool cards, other items as generic cards, then a status banner when it
 * did not complete. Items are memoized on identity: with the core's structural sharing, only
 * the item that grew re-renders.
 */
export function ResponseView({
  state,
  renderText = markdownText,
  results,
  decisions,
  onApprove,
  onDeny,
  className,
}: ResponseViewProps) {
  const output = state.response?.output ?? [];
  const calls = new Map(state.toolCalls.map((call) => [call.outputIndex, call]));
  const shellOutputs = new Map<string, JsonValue>();
  for (const item of output) {
    if (item.type === 'shell_call_output' && typeof item['call_id'] === 'string') {
      shellOutputs.set(item['call_id'], (item['output'] ?? null) as JsonValue);
    }
  }
  return (
    <div data-slot="response-view" className={className} data-state={state.status}>
      {output.map((item, index) => {
        if (resultItemTypes.has(item.type)) return null;
        const call = calls.get(index);
        const callId = call?.callId;
        const result =
          callId === undefined ? undefined : (results?.[callId] ?? shellOutputs.get(callId));
        return (
          <ItemView
            key={item.id ?? index}
            item={item}
            toolCall={call}
            renderText={renderText}
            result={result}
            decision={call?.id === undefined ? undefined : decisions?.[call.id]}
            onApprove={onApprove}
            onDeny={onDeny}
          />
        );
      })}
      <StatusBanner
        status={state.status}
        error={state.error}
        reason={state.response?.incomplete_details?.reason}
      />
    </div>
  );
}
