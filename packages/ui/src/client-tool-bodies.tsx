import type { JsonValue, ToolCall } from '@rill/core';
import { JsonTree } from './json-tree.js';
import { useSlotProps } from './slot-props.js';
import { ToolCallSection, ToolCallText } from './tool-call-section.js';

/** What the caller ran for a call, shown under its arguments. */
export type ToolCallResult = JsonValue;

function Result({
  result,
  label = 'Result',
}: {
  result: ToolCallResult | undefined;
  label?: string;
}) {
  if (result === undefined) return null;
  return (
    <ToolCallSection name="result" label={label}>
      {typeof result === 'string' ? (
        <ToolCallText>{result}</ToolCallText>
      ) : (
        <JsonTree value={result} />
      )}
    </ToolCallSection>
  );
}

/** Arguments as a tree while they stream (JSON), or as text (custom tools, invalid JSON). */
export function ArgumentsSection({ call }: { call: ToolCall }) {
  if (call.input === undefined && call.arguments === '') return null;
  return (
    <ToolCallSection name="arguments" label="Arguments">
      {call.input !== undefined && call.inputStatus !== 'error' ? (
        <JsonTree value={call.input} />
      ) : (
        <ToolCallText>{call.arguments}</ToolCallText>
      )}
    </ToolCallSection>
  );
}

/** Function and custom tool calls: arguments, then the caller's result. */
export function FunctionCallBody({
  call,
  result,
}: {
  call: ToolCall;
  result?: ToolCallResult | undefined;
}) {
  return (
    <>
      <ArgumentsSection call={call} />
      <Result result={result} />
    </>
  );
}

/** MCP calls: arguments, then the server's output or error. */
export function McpCallBody({ call }: { call: ToolCall }) {
  const { output, error } = call.item as { output?: unknown; error?: unknown };
  return (
    <>
      <ArgumentsSection call={call} />
      {typeof output === 'string' && output !== '' ? (
        <Result result={output} label="Output" />
      ) : null}
      {typeof error === 'string' && error !== '' ? <Result result={error} label="Error" /> : null}
    </>
  );
}

/** The tools an MCP server listed. */
export function McpListToolsBody({ call }: { call: ToolCall }) {
  const slot = useSlotProps();
  const tools = (call.item as { tools?: unknown }).tools;
  const names = Array.isArray(tools)
    ? tools
        .map((tool) => (tool as { name?: unknown } | null)?.name)
        .filter((name) => typeof name === 'string')
    : [];
  if (names.length === 0) return null;
  return (
    <ToolCallSection name="tools" label="Tools">
      <ul {...slot('tool-call-list')}>
        {names.map((name, index) => (
          <li key={index} {...slot('tool-call-list-item')}>
            {name}
          </li>
        ))}
      </ul>
    </ToolCallSection>
  );
}

/** Shell calls: the commands, then what they printed when the caller has it. */
export function ShellCallBody({
  call,
  result,
}: {
  call: ToolCall;
  result?: ToolCallResult | undefined;
}) {
  const commands = (call.item as { action?: { commands?: unknown } }).action?.commands;
  const text =
    Array.isArray(commands) && commands.length > 0 ? commands.join('\n') : call.arguments;
  return (
    <>
      {text === '' ? null : (
        <ToolCallSection name="commands" label="Commands">
          <ToolCallText>{text}</ToolCallText>
        </ToolCallSection>
      )}
      <Result result={result} label="Output" />
    </>
  );
}

/** apply_patch calls: the operation and path, then the diff. */
export function ApplyPatchBody({
  call,
  result,
}: {
  call: ToolCall;
  result?: ToolCallResult | undefined;
}) {
  const operation = (
    call.item as { operation?: { type?: unknown; path?: unknown; diff?: unknown } }
  ).operation;
  const diff = typeof operation?.diff === 'string' ? operation.diff : call.arguments;
  const label = [operation?.type, operation?.path]
    .filter((part) => typeof part === 'string')
    .join(' ');
  return (
    <>
      <ToolCallSection name="diff" label={label === '' ? 'Diff' : `Diff: ${label}`}>
        <ToolCallText>{diff}</ToolCallText>
      </ToolCallSection>
      <Result result={result} />
    </>
  );
}

/** Any other item: its JSON, as text. */
export function GenericItemBody({ item }: { item: unknown }) {
  return (
    <ToolCallSection name="item" label="Item">
      <ToolCallText>{JSON.stringify(item, null, 2)}</ToolCallText>
    </ToolCallSection>
  );
}
