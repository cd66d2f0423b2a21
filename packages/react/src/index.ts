export {
  useResponseStream,
  type UseResponseStreamOptions,
  type UseResponseStreamResult,
} from './use-response-stream.js';
export { useResponseSelector, type ReadableResponseStore } from './use-response-selector.js';
export { useResponseItem } from './use-response-item.js';
export { useResponseToolCall } from './use-response-tool-call.js';
export {
  createResponseStreamStore,
  type ResponseStreamStore,
} from './create-response-stream-store.js';
export type {
  ResponseStreamOptions,
  ResponseStreamCallbacks,
  AutoResumeOptions,
} from './response-stream-options.js';
export {
  createBatchedSubscription,
  type BatchMode,
  type BatchedSubscription,
} from './create-batched-subscription.js';
export { isResponseRequest, type ResponseRequest } from './response-request.js';
export { resumeUrl } from './resume-url.js';
