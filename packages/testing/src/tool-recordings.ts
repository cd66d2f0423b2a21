/**
 * Recordings (paths under fixtures/) that between them stream every tool-call kind rill knows
 * through every state: the tool-card matrix in the UI tests and in the demo both replay them.
 */
export const TOOL_RECORDINGS = [
  'seeds/openai-function-call.sse',
  'real/vercel-ai/openai-web-search-tool.1.chunks.txt',
  'real/vercel-ai/openai-file-search-tool.1.chunks.txt',
  'real/vercel-ai/openai-code-interpreter-tool.1.chunks.txt',
  'real/vercel-ai/openai-image-generation-tool.1.chunks.txt',
  'real/vercel-ai/openai-mcp-tool.1.chunks.txt',
  'real/vercel-ai/openai-mcp-tool-approval.1.chunks.txt',
  'real/vercel-ai/openai-shell-container.1.chunks.txt',
  'real/vercel-ai/openai-apply-patch-tool.1.chunks.txt',
] as const;
