import type {
  ContentPartEvent,
  OutputTextAnnotationAddedEvent,
  OutputTextDeltaEvent,
  OutputTextDoneEvent,
  RefusalDeltaEvent,
  RefusalDoneEvent,
} from '../events/message-events.js';
import type {
  MessageContentPart,
  MessageItem,
  OutputTextPart,
  ReasoningItem,
  RefusalPart,
} from '../response.js';
import { appendTailText, isTextTail, refreshText } from './derive-text.js';
import { addProblem, draftBookkeeping, draftItem, type Draft } from './draft.js';
import { locateItem } from './locate-item.js';
import { isOutputLogprobs } from './is-output-logprobs.js';
import { adopt, createDeltaStreak, own, ownPart, type ReducerContext } from './reducer-context.js';

type MessageEvent =
  | ContentPartEvent
  | OutputTextDeltaEvent
  | OutputTextDoneEvent
  | OutputTextAnnotationAddedEvent
  | RefusalDeltaEvent
  | RefusalDoneEvent;

function where(event: MessageEvent): { eventType: string; sequenceNumber?: number } {
  return event.sequence_number === undefined
    ? { eventType: event.type }
    : { eventType: event.type, sequenceNumber: event.sequence_number };
}

/**
 * The writable content part at `contentIndex` of the message at `position`, created (with a
 * `missing_part` problem) when a delta arrives for a part that was never added.
 */
function draftPart<Part extends MessageContentPart>(
  context: ReducerContext,
  draft: Draft,
  position: number,
  event: MessageEvent & { content_index: number },
  type: Part['type'],
): Part | undefined {
  const item = draftItem<MessageItem>(context, draft, position);
  const content = own(context, Array.isArray(item.content) ? item.content : []);
  item.content = content;
  const index = event.content_index;
  let part = content[index];
  if (part === undefined) {
    if (index !== content.length) {
      addProblem(context, draft, {
        kind: 'missing_part',
        message: `"${event.type}" addresses content part ${index} of a message with ${content.length}.`,
        ...where(event),
      });
      return undefined;
    }
    part = adopt(
      context,
      type === 'refusal'
        ? ({ type: 'refusal', refusal: '' } satisfies RefusalPart)
        : ({ type: 'output_text', text: '', annotations: [] } satisfies OutputTextPart),
    );
    content.push(part);
    addProblem(context, draft, {
      kind: 'missing_part',
      message: `"${event.type}" arrived for content part ${index}, which was never added; it was created.`,
      ...where(event),
    });
    refreshText(context, draft);
  }
  if (part.type !== type) {
    addProblem(context, draft, {
      kind: 'item_type_mismatch',
      message: `"${event.type}" addresses a "${part.type}" part.`,
      ...where(event),
    });
    return undefined;
  }
  const writable = ownPart(context, part);
  content[index] = writable;
  return writable as Part;
}

function addContentPart(context: ReducerContext, draft: Draft, event: ContentPartEvent): void {
  const position = locateItem(context, draft, event, ['message', 'reasoning']);
  if (position === undefined) return;
  const target = draft.response?.output[position];
  const isReasoningPart = event.part?.type === 'reasoning_text';
  if (target?.type === 'reasoning') {
    // The SDK only files reasoning_text parts under a reasoning item; other parts are ignored.
    if (!isReasoningPart) return;
    const item = draftItem<ReasoningItem>(context, draft, position);
    const content = own(context, item.content ?? []);
    item.content = content;
    placePart(context, draft, content, event);
    return;
  }
  if (isReasoningPart) return;
  const item = draftItem<MessageItem>(context, draft, position);
  const content = own(context, Array.isArray(item.content) ? item.content : []);
  item.content = content;
  const before = content[event.content_index];
  placePart(context, draft, content, event);
  const part = event.part;
  if (
    event.type === 'response.content_part.added' &&
    part.type === 'output_text' &&
    part.text === '' &&
    isAfterTail(draft, position, event.content_index)
  ) {
    // The usual case: an empty text part after all others. It is the new tail; text is unchanged.
    const sole = draft.bookkeeping.textTail === undefined;
    draftBookkeeping(context, draft).textTail = {
      position,
      contentIndex: event.content_index,
      sole,
    };
    return;
  }
  // Recompute when the text changed, or when a part became (or stopped being) text: the tail moves.
  const wasText = before?.type === 'output_text';
  if (wasText !== (part.type === 'output_text') || textOf(before) !== textOf(part)) {
    refreshText(context, draft);
  }
}

function textOf(part: { type?: string; text?: unknown } | undefined): string {
  return part?.type === 'output_text' && typeof part.text === 'string' ? part.text : '';
}

function isAfterTail(draft: Draft, position: number, contentIndex: number): boolean {
  const tail = draft.bookkeeping.textTail;
  return (
    tail === undefined ||
    position > tail.position ||
    (position === tail.position && contentIndex > tail.contentIndex)
  );
}

function placePart<Part>(
  context: ReducerContext,
  draft: Draft,
  content: Part[],
  event:
    | ContentPartEvent
    | { type: string; content_index: number; part: Part; sequence_number?: number },
): void {
  const index = event.content_index;
  const added = event.type.endsWith('.added');
  if (index < content.length) {
    content[index] = event.part as Part;
    if (added) {
      addProblem(context, draft, {
        kind: 'missing_part',
        message: `"${event.type}" added content part ${index} twice; the second replaced the first.`,
        eventType: event.type,
      });
    }
  } else {
    if (index !== content.length || !added) {
      addProblem(context, draft, {
        kind: 'missing_part',
        message: `"${event.type}" addresses content part ${index} of ${content.length}; it was appended.`,
        eventType: event.type,
      });
    }
    content.push(event.part as Part);
  }
}

/**
 * Folds message events (content parts, output text, annotations, refusals) into the draft.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param event - a message event
 */
export function reduceMessage(context: ReducerContext, draft: Draft, event: MessageEvent): void {
  switch (event.type) {
    case 'response.content_part.added':
    case 'response.content_part.done':
      addContentPart(context, draft, event);
      return;
    case 'response.output_text.delta': {
      const position = locateItem(context, draft, event, 'message');
      if (position === undefined) return;
      const part = draftPart<OutputTextPart>(context, draft, position, event, 'output_text');
      if (!part) return;
      if (
        Array.isArray(event.logprobs) &&
        event.logprobs.length > 0 &&
        isOutputLogprobs(event.logprobs)
      ) {
        part.logprobs = [...(Array.isArray(part.logprobs) ? part.logprobs : []), ...event.logprobs];
      }
      part.text += event.delta;
      if (isTextTail(draft, position, event.content_index)) {
        appendTailText(draft, part.text, event.delta);
        // The next deltas for this part, if they come next, only append (see DeltaStreak).
        context.streak = createDeltaStreak(event, (text) => {
          part.text += text;
          appendTailText(draft, part.text, text);
        });
      } else {
        refreshText(context, draft);
      }
      return;
    }
    case 'response.output_text.done': {
      const position = locateItem(context, draft, event, 'message');
      if (position === undefined) return;
      const part = draftPart<OutputTextPart>(context, draft, position, event, 'output_text');
      if (!part) return;
      if (
        isOutputLogprobs(event.logprobs) &&
        (event.logprobs.length > 0 || (Array.isArray(part.logprobs) && part.logprobs.length > 0))
      ) {
        part.logprobs = event.logprobs;
      }
      if (part.text !== event.text) {
        part.text = event.text;
        refreshText(context, draft);
      }
      return;
    }
    case 'response.output_text.annotation.added': {
      const position = locateItem(context, draft, event, 'message');
      if (position === undefined) return;
      const part = draftPart<OutputTextPart>(context, draft, position, event, 'output_text');
      if (!part) return;
      const annotations = own(context, Array.isArray(part.annotations) ? part.annotations : []);
      part.annotations = annotations;
      const index = event.annotation_index;
      if (typeof index === 'number' && index >= 0 && index <= annotations.length) {
        annotations[index] = event.annotation as OutputTextPart['annotations'][number];
      } else {
        annotations.push(event.annotation as OutputTextPart['annotations'][number]);
      }
      return;
    }
    case 'response.refusal.delta': {
      const position = locateItem(context, draft, event, 'message');
      if (position === undefined) return;
      const part = draftPart<RefusalPart>(context, draft, position, event, 'refusal');
      if (part) part.refusal += event.delta;
      return;
    }
    case 'response.refusal.done': {
      const position = locateItem(context, draft, event, 'message');
      if (position === undefined) return;
      const part = draftPart<RefusalPart>(context, draft, position, event, 'refusal');
      if (part) part.refusal = event.refusal;
      return;
    }
  }
}
