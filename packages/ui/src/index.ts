export { ToolCallCard, type ToolCallCardProps } from './tool-call-card.js';
export {
  ToolCallCardShell,
  type ToolCallCardShellProps,
  type CardShellOptions,
} from './tool-call-card-shell.js';
export { OutputItemCard, type OutputItemCardProps } from './output-item-card.js';
export type { ToolCallResult } from './client-tool-bodies.js';
export {
  toolCallDataState,
  type ToolCallDataState,
  type ToolCallOutcome,
} from './tool-call-data-state.js';
export { JsonTree, type JsonTreeProps } from './json-tree.js';
export { Reasoning, type ReasoningProps } from './reasoning.js';
export { Refusal, type RefusalProps } from './refusal.js';
export { Citations, type CitationsProps } from './citations.js';
export { StatusBanner, type StatusBannerProps } from './status-banner.js';
export { ResponseView, type ResponseViewProps, type RenderText } from './response-view.js';
export { Transcript, type TranscriptProps, type TranscriptTurn } from './transcript.js';
export type { SlotClassNames } from './slot-props.js';
export {
  useDisclosure,
  type DisclosureOptions,
  type DisclosureState,
  type DisclosureDataState,
} from './use-disclosure.js';
export {
  DisclosureTrigger,
  DisclosureContent,
  type DisclosureTriggerProps,
  type DisclosureContentProps,
} from './disclosure.js';
export { StreamingMarkdown, type StreamingMarkdownProps } from './streaming-markdown.js';
export type { MarkdownComponents, MarkdownElementName } from './markdown-components.js';
export type { MarkdownImagePolicy } from './url-policy.js';
export {
  preloadHighlighter,
  type CodeHighlighter,
  type HighlightLanguageStatus,
  type HighlightNode,
  type HighlightTree,
} from './code-highlighter.js';
