import type { Annotation, MessageItem, OutputItem, ReasoningItem } from '@rill/core';
import type { AssistantStep } from '@rill/react';
import {
  Citations,
  OutputItemCard,
  Reasoning,
  Refusal,
  StatusBanner,
  StreamingMarkdown,
} from '@rill/ui';
import { memo } from 'react';
import { ToolCallView } from './tool-call-view.js';

/** Props of {@link StepView}. */
export interface StepViewProps {
  /** One model call of an assistant turn, with its tool calls' lifecycles. */
  step: AssistantStep;
  onApprove: (id: string) => void;
  onDeny: (id: string) => void;
}

function MessageView({ item, streaming }: { item: MessageItem; streaming: boolean }) {
  const annotations: Annotation[] = [];
  for (const part of item.content)
    if (part.type === 'output_text') annotations.push(...(part.annotations ?? []));
  return (
    <div className="chat-message" data-state={streaming ? 'streaming' : 'done'}>
      {item.content.map((part, index) =>
        part.type === 'output_text' ? (
          <StreamingMarkdown key={index} text={part.text} streaming={streaming} />
        ) : part.type === 'refusal' ? (
          <Refusal key={index} refusal={part.refusal} />
        ) : null,
      )}
      <Citations annotations={annotations} />
    </div>
  );
}

/**
 * One model call, in output order: text as streaming markdown, reasoning, tool cards with the
 * client tools' results, other items as generic cards, and a banner when it did not complete.
 * (`ResponseView` does the same from a bare `ResponseState`; the conversation also knows each
 * client call's result, error and running state, which this view shows.)
 *
 * Memoized: the conversation keeps a step's identity while nothing in it changes.
 */
export const StepView = memo(function StepView({ step, onApprove, onDeny }: StepViewProps) {
  const { state } = step;
  const output: readonly OutputItem[] = state.response?.output ?? [];
  const responseStreaming = state.status === 'in_progress';
  return (
    <div className="chat-step" data-state={state.status}>
      {output.map((item, index) => {
        const key = item.id ?? index;
        if (item.type === 'message') {
          const message = item as MessageItem;
          const streaming = responseStreaming && message.status === 'in_progress';
          return <MessageView key={key} item={message} streaming={streaming} />;
        }
        if (item.type === 'reasoning') return <Reasoning key={key} item={item as ReasoningItem} />;
        const call = state.toolCalls.find((candidate) => candidate.outputIndex === index);
        if (call === undefined) return <OutputItemCard key={key} item={item} />;
        const entry = step.toolCalls.find((candidate) => candidate.call.outputIndex === index);
        return (
          <ToolCallView key={key} call={call} entry={entry} onApprove={onApprove} onDeny={onDeny} />
        );
      })}
      <StatusBanner
        className="chat-banner"
        status={state.status}
        error={state.error}
        reason={state.response?.incomplete_details?.reason}
      />
    </div>
  );
});
