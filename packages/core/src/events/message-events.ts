import type {
  Annotation,
  MessageContentPart,
  OutputItem,
  ReasoningTextPart,
  SummaryTextPart,
} from '../response.js';
import type { EventBase, ItemDeltaEvent, ItemEventBase } from './event-base.js';

/** An output item was added at `output_index` (`added`), or finished (`done`, authoritative). */
export interface OutputItemEvent<
  Type extends 'response.output_item.added' | 'response.output_item.done' =
    'response.output_item.added' | 'response.output_item.done',
> extends EventBase<Type> {
  output_index: number;
  item: OutputItem;
}

/** A content part of a message (or a `reasoning_text` part of a reasoning item) was added or finished. */
export interface ContentPartEvent<
  Type extends 'response.content_part.added' | 'response.content_part.done' =
    'response.content_part.added' | 'response.content_part.done',
> extends ItemEventBase<Type> {
  content_index: number;
  part: MessageContentPart | ReasoningTextPart;
}

/** A piece of output text. */
export interface OutputTextDeltaEvent extends ItemDeltaEvent<'response.output_text.delta'> {
  content_index: number;
  logprobs?: unknown[];
  obfuscation?: string;
}

/** The final text of an output text part. */
export interface OutputTextDoneEvent extends ItemEventBase<'response.output_text.done'> {
  content_index: number;
  text: string;
  logprobs?: unknown[];
}

/** A citation was attached to an output text part. */
export interface OutputTextAnnotationAddedEvent extends ItemEventBase<'response.output_text.annotation.added'> {
  content_index: number;
  annotation_index: number;
  annotation: Annotation | null;
}

/** A piece of a refusal. */
export interface RefusalDeltaEvent extends ItemDeltaEvent<'response.refusal.delta'> {
  content_index: number;
}

/** The final text of a refusal. */
export interface RefusalDoneEvent extends ItemEventBase<'response.refusal.done'> {
  content_index: number;
  refusal: string;
}

/** A reasoning summary part was added or finished. */
export interface ReasoningSummaryPartEvent<
  Type extends 'response.reasoning_summary_part.added' | 'response.reasoning_summary_part.done' =
    'response.reasoning_summary_part.added' | 'response.reasoning_summary_part.done',
> extends ItemEventBase<Type> {
  summary_index: number;
  part: SummaryTextPart;
}

/** A piece of a reasoning summary. */
export interface ReasoningSummaryTextDeltaEvent extends ItemDeltaEvent<'response.reasoning_summary_text.delta'> {
  summary_index: number;
}

/** The final text of a reasoning summary part. */
export interface ReasoningSummaryTextDoneEvent extends ItemEventBase<'response.reasoning_summary_text.done'> {
  summary_index: number;
  text: string;
}

/** A piece of raw reasoning text. */
export interface ReasoningTextDeltaEvent extends ItemDeltaEvent<'response.reasoning_text.delta'> {
  content_index: number;
}

/** The final raw reasoning text of a part. */
export interface ReasoningTextDoneEvent extends ItemEventBase<'response.reasoning_text.done'> {
  content_index: number;
  text: string;
}

/** vLLM's reasoning part events, sent instead of `content_part.*` for reasoning text. */
export interface ReasoningPartEvent<
  Type extends 'response.reasoning_part.added' | 'response.reasoning_part.done' =
    'response.reasoning_part.added' | 'response.reasoning_part.done',
> extends ItemEventBase<Type> {
  content_index: number;
  part: ReasoningTextPart;
}
