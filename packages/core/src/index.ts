export type * from './response.js';
export type * from './events/event-base.js';
export type * from './events/lifecycle-events.js';
export type * from './events/message-events.js';
export type * from './events/tool-events.js';
export type * from './events/rill-events.js';
export type * from './events/stream-event.js';
export { isKnownEvent, openaiEventTypes, extensionEventTypes } from './events/known-event-types.js';
export {
  createStreamParser,
  type StreamParser,
  type StreamParserOptions,
} from './framing/create-stream-parser.js';
export { createFrameParser, type FrameParser } from './framing/create-frame-parser.js';
export type { Frame } from './framing/create-sse-framer.js';
export type { FramingOptions, StreamFormat } from './framing/create-framing.js';
export {
  createPartialJsonParser,
  parsePartialJson,
  type PartialJsonParser,
  type PartialJsonStatus,
  type PartialJsonError,
} from './partial-json/create-partial-json-parser.js';
export {
  reduceResponse,
  reduceResponseEvents,
  createResponseState,
  createResponseReducer,
  type ResponseReducer,
} from './reducer/reduce-response.js';
export type {
  ResponseState,
  ResponseStatus,
  ToolCall,
  ToolCallKind,
  ToolCallState,
  PartialImage,
  AudioState,
} from './reducer/response-state.js';
export type { Bookkeeping } from './reducer/bookkeeping.js';
export { readEvents, type ResponseSource, type ReadEventsOptions } from './glue/read-events.js';
export { readResponse, type ReadResponseOptions } from './glue/read-response.js';
export { createResponseStore, type ResponseStore } from './glue/create-response-store.js';
export { replaceEqualDeep } from './util/replace-equal-deep.js';
