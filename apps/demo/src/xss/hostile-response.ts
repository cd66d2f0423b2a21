import { createStreamParser, reduceResponseEvents, type ResponseState } from '@rill/core';

/**
 * A whole response whose every untrusted field is hostile: message text with raw HTML, a
 * `javascript:` citation, a function call whose arguments carry markup, and a web search
 * source with a `javascript:` URL. Built from a stream, so it goes through the real reducer.
 */
export function hostileResponse(payloads: readonly string[]): ResponseState {
  const text = payloads.slice(0, 8).join('\n\n');
  const events = [
    {
      type: 'response.created',
      sequence_number: 0,
      response: { id: 'resp_xss', object: 'response', status: 'in_progress', output: [] },
    },
    {
      type: 'response.output_item.added',
      sequence_number: 1,
      output_index: 0,
      item: {
        id: 'msg_xss',
        type: 'message',
        role: 'assistant',
        status: 'in_progress',
        content: [],
      },
    },
    {
      type: 'response.content_part.added',
      sequence_number: 2,
      output_index: 0,
      item_id: 'msg_xss',
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [] },
    },
    {
      type: 'response.output_text.delta',
      sequence_number: 3,
      output_index: 0,
      item_id: 'msg_xss',
      content_index: 0,
      delta: text,
    },
    {
      type: 'response.output_text.annotation.added',
      sequence_number: 4,
      output_index: 0,
      item_id: 'msg_xss',
      content_index: 0,
      annotation_index: 0,
      annotation: {
        type: 'url_citation',
        url: 'javascript:alert(1)',
        title: '<img src=x onerror=alert(1)>',
        start_index: 0,
        end_index: 5,
      },
    },
    {
      type: 'response.output_item.added',
      sequence_number: 5,
      output_index: 1,
      item: {
        id: 'fc_xss',
        type: 'function_call',
        call_id: 'call_xss',
        name: '<script>alert(1)</script>',
        arguments: '',
        status: 'in_progress',
      },
    },
    {
      type: 'response.function_call_arguments.delta',
      sequence_number: 6,
      output_index: 1,
      item_id: 'fc_xss',
      delta: JSON.stringify({
        html: payloads[0],
        link: 'javascript:alert(1)',
        nested: { svg: '<svg onload=alert(1)>' },
      }),
    },
    {
      type: 'response.output_item.done',
      sequence_number: 7,
      output_index: 2,
      item: {
        id: 'ws_xss',
        type: 'web_search_call',
        status: 'completed',
        action: {
          type: 'search',
          query: '<b onmouseover=alert(1)>q</b>',
          sources: [
            { type: 'url', url: 'javascript:alert(1)' },
            { type: 'url', url: 'data:text/html,<script>alert(1)</script>' },
          ],
        },
      },
    },
  ];
  const parser = createStreamParser();
  const body = events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('');
  return reduceResponseEvents(undefined, [...parser.push(body), ...parser.end()]);
}
