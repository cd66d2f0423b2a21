import type { ToolCall } from '@rill/core';
import { memo, type ReactNode } from 'react';
import {
  ApplyPatchBody,
  FunctionCallBody,
  GenericItemBody,
  McpCallBody,
  McpListToolsBody,
  ShellCallBody,
  type ToolCallResult,
} from './client-tool-bodies.js';
import {
  CodeInterpreterBody,
  FileSearchBody,
  ImageGenerationBody,
  WebSearchBody,
} from './hosted-tool-bodies.js';
import { ToolCallCardShell, type CardShellOptions } from './tool-call-card-shell.js';
import { toolCallDataState } from './tool-call-data-state.js';

/** Props of {@link ToolCallCard}. */
export interface ToolCallCardProps extends CardShellOptions {
  /** The call, as `ResponseState.toolCalls` holds it, streaming or finished. */
  toolCall: ToolCall;
  /**
   * What the client got from running the call (function, custom, shell, apply_patch): a string
   * is shown as text, anything else as a tree. Makes the card `done`.
   */
  result?: ToolCallResult | undefined;
  /** The result is an error: the card is `error` instead of `done`. @defaultValue `false` */
  resultIsError?: boolean | undefined;
  /** The user's answer to an MCP approval request, once given. */
  decision?: 'approved' | 'denied' | undefined;
  /** Called with the approval request's id when the user approves it. */
  onApprove?: ((id: string) => void) | undefined;
  /** Called with the approval request's id when the user denies it. */
  onDeny?: ((id: string) => void) | undefined;
}

const kindLabels: Record<ToolCall['kind'], string> = {
  function: 'Function',
  custom: 'Custom tool',
  mcp: 'MCP',
  mcp_list_tools: 'MCP tools',
  mcp_approval_request: 'Approval request',
  web_search: 'Web search',
  file_search: 'File search',
  code_interpreter: 'Code interpreter',
  image_generation: 'Image generation',
  computer: 'Computer',
  local_shell: 'Local shell',
  shell: 'Shell',
  apply_patch: 'Apply patch',
  tool_search: 'Tool search',
  other: 'Item',
};

function title(call: ToolCall): string {
  const label = call.kind === 'other' ? call.itemType : kindLabels[call.kind];
  const names = [call.serverLabel, call.name].filter((part) => part !== undefined && part !== '');
  return names.length === 0 ? label : `${label}: ${names.join(' · ')}`;
}

function body(call: ToolCall, result: ToolCallResult | undefined): ReactNode {
  switch (call.kind) {
    case 'function':
    case 'custom':
      return <FunctionCallBody call={call} result={result} />;
    case 'mcp':
    case 'mcp_approval_request':
      return <McpCallBody call={call} />;
    case 'mcp_list_tools':
      return <McpListToolsBody call={call} />;
    case 'web_search':
      return <WebSearchBody call={call} />;
    case 'file_search':
      return <FileSearchBody call={call} />;
    case 'code_interpreter':
      return <CodeInterpreterBody call={call} />;
    case 'image_generation':
      return <ImageGenerationBody call={call} />;
    case 'shell':
      return <ShellCallBody call={call} result={result} />;
    case 'apply_patch':
      return <ApplyPatchBody call={call} result={result} />;
    default:
      return <GenericItemBody item={call.item} />;
  }
}

/**
 * A card for any tool call the core knows (and a generic one for the rest), from its streaming
 * start to its end. Its lifecycle is `data-state` on the root (see `toolCallDataState`); the
 * body collapses with a native button. Approval requests get Approve and Deny buttons until a
 * `decision` is given.
 *
 * Memoized: a call whose identity did not change does not re-render.
 */
export const ToolCallCard = memo(function ToolCallCard({
  toolCall,
  result,
  resultIsError,
  decision,
  onApprove,
  onDeny,
  ...shell
}: ToolCallCardProps) {
  const state = toolCallDataState(toolCall, {
    hasResult: result !== undefined,
    resultIsError: resultIsError === true,
    decision,
  });
  const id = toolCall.id;
  const askApproval =
    toolCall.kind === 'mcp_approval_request' && decision === undefined && id !== undefined;
  const actions = askApproval ? (
    <div
      data-slot="tool-call-card-actions"
      className={shell.classNames?.['tool-call-card-actions']}
    >
      <button
        type="button"
        data-slot="tool-call-card-approve"
        className={shell.classNames?.['tool-call-card-approve']}
        onClick={() => onApprove?.(id)}
      >
        Approve
      </button>
      <button
        type="button"
        data-slot="tool-call-card-deny"
        className={shell.classNames?.['tool-call-card-deny']}
        onClick={() => onDeny?.(id)}
      >
        Deny
      </button>
    </div>
  ) : undefined;
  return (
    <ToolCallCardShell
      {...shell}
      kind={toolCall.itemType}
      title={title(toolCall)}
      state={state}
      actions={actions}
    >
      {body(toolCall, result)}
    </ToolCallCardShell>
  );
});
