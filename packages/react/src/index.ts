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
export { useConversation, type UseConversationResult } from './use-conversation.js';
export { createConversationStore, type ConversationStore } from './create-conversation-store.js';
export type { ConversationOptions } from './conversation-options.js';
export {
  conversationInput,
  type ConversationInput,
  type HistoryMode,
} from './conversation-input.js';
export type {
  AssistantStep,
  AssistantTurn,
  AssistantTurnStatus,
  ClientTool,
  ConversationError,
  ConversationSnapshot,
  ConversationStatus,
  ConversationToolCall,
  ConversationTurn,
  FunctionCallOutputItem,
  InputItem,
  McpApprovalResponseItem,
  ToolCallLifecycle,
  ToolExecutionContext,
  UserTurn,
} from './conversation-types.js';
