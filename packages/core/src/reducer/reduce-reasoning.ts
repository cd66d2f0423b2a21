import type {
  ReasoningPartEvent,
  ReasoningSummaryPartEvent,
  ReasoningSummaryTextDeltaEvent,
  ReasoningSummaryTextDoneEvent,
  ReasoningTextDeltaEvent,
  ReasoningTextDoneEvent,
} from '../events/message-events.js';
import type { ReasoningItem, ReasoningTextPart, SummaryTextPart } from '../response.js';
import { addProblem, draftItem, type Draft } from './draft.js';
import { locateItem } from './locate-item.js';
import { adopt, own, ownPart, type ReducerContext } from './reducer-context.js';

type ReasoningEvent =
  | ReasoningSummaryPartEvent
  | ReasoningSummaryTextDeltaEvent
  | ReasoningSummaryTextDoneEvent
  | ReasoningTextDeltaEvent
  | ReasoningTextDoneEvent
  | ReasoningPartEvent;

/**
 * The writable part at `index` of a reasoning item's `summary` or `content`. A delta for a part
 * that was never added (Ollama sends summary deltas with no `summary_part.added`) creates it,
 * with a `missing_part` problem, instead of failing as the SDK does.
 */
function draftReasoningPart<Part extends SummaryTextPart | ReasoningTextPart>(
  context: ReducerContext,
  draft: Draft,
  event: ReasoningEvent,
  field: 'summary' | 'content',
  index: number,
  create: () => Part,
): Part | undefined {
  const position = locateItem(context, draft, event, 'reasoning');
  if (position === undefined) return undefined;
  const item = draftItem<ReasoningItem>(context, draft, position);
  const parts = own(context, ((item[field] as Part[] | undefined) ?? []) as Part[]);
  (item as Record<string, unknown>)[field] = parts;
  let part = parts[index];
  if (part === undefined) {
    if (index !== parts.length) {
      addProblem(context, draft, {
        kind: 'missing_part',
        message: `"${event.type}" addresses reasoning ${field} part ${index} of ${parts.length}.`,
        eventType: event.type,
      });
      return undefined;
    }
    part = adopt(context, create());
    parts.push(part);
    addProblem(context, draft, {
      kind: 'missing_part',
      message: `"${event.type}" arrived for reasoning ${field} part ${index}, which was never added; it was created.`,
      eventType: event.type,
    });
  }
  const writable = ownPart(context, part) as Part;
  parts[index] = writable;
  return writable;
}

function placeReasoningPart(
  context: ReducerContext,
  draft: Draft,
  event: ReasoningSummaryPartEvent | ReasoningPartEvent,
  field: 'summary' | 'content',
  index: number,
): void {
  const position = locateItem(context, draft, event, 'reasoning');
  if (position === undefined) return;
  const item = draftItem<ReasoningItem>(context, draft, position);
  const parts = own(context, ((item[field] as unknown[] | undefined) ?? []) as unknown[]);
  (item as Record<string, unknown>)[field] = parts;
  if (index < parts.length) {
    parts[index] = event.part;
  } else {
    if (index !== parts.length) {
      addProblem(context, draft, {
        kind: 'missing_part',
        message: `"${event.type}" addresses reasoning ${field} part ${index} of ${parts.length}; it was appended.`,
        eventType: event.type,
      });
    }
    parts.push(event.part);
  }
}

const summaryPart = (): SummaryTextPart => ({ type: 'summary_text', text: '' });
const reasoningTextPart = (): ReasoningTextPart => ({ type: 'reasoning_text', text: '' });

/**
 * Folds reasoning events (summary parts and text, raw reasoning text, vLLM's reasoning parts).
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param event - a reasoning event
 */
export function reduceReasoning(
  context: ReducerContext,
  draft: Draft,
  event: ReasoningEvent,
): void {
  switch (event.type) {
    case 'response.reasoning_summary_part.added':
    case 'response.reasoning_summary_part.done':
      placeReasoningPart(context, draft, event, 'summary', event.summary_index);
      return;
    case 'response.reasoning_part.added':
    case 'response.reasoning_part.done':
      placeReasoningPart(context, draft, event, 'content', event.content_index);
      return;
    case 'response.reasoning_summary_text.delta': {
      const part = draftReasoningPart(
        context,
        draft,
        event,
        'summary',
        event.summary_index,
        summaryPart,
      );
      if (part) part.text += event.delta;
      return;
    }
    case 'response.reasoning_summary_text.done': {
      const part = draftReasoningPart(
        context,
        draft,
        event,
        'summary',
        event.summary_index,
        summaryPart,
      );
      if (part) part.text = event.text;
      return;
    }
    case 'response.reasoning_text.delta': {
      const part = draftReasoningPart(
        context,
        draft,
        event,
        'content',
        event.content_index,
        reasoningTextPart,
      );
      if (part) part.text += event.delta;
      return;
    }
    case 'response.reasoning_text.done': {
      const part = draftReasoningPart(
        context,
        draft,
        event,
        'content',
        event.content_index,
        reasoningTextPart,
      );
      if (part) part.text = event.text;
      return;
    }
  }
}
