import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import { extensionEventTypes, isKnownEvent, openaiEventTypes } from './known-event-types.js';
import type { KnownEventType } from './stream-event.js';

// Compile-time checks: `pnpm test` typechecks, so a type missing on either side fails the build.
type SdkEventType = ResponseStreamEvent['type'];
type MissingFromRill = Exclude<SdkEventType, KnownEventType>;
type MissingFromList = Exclude<SdkEventType, (typeof openaiEventTypes)[number]>;
type NotInSdk = Exclude<(typeof openaiEventTypes)[number], SdkEventType>;
const everySdkTypeIsKnown: [MissingFromRill] extends [never] ? true : MissingFromRill = true;
const everySdkTypeIsListed: [MissingFromList] extends [never] ? true : MissingFromList = true;
const onlySdkTypesAreListed: [NotInSdk] extends [never] ? true : NotInSdk = true;

describe('known event types', () => {
  it('lists the 59 types of the SDK union, each once', () => {
    expect(everySdkTypeIsKnown && everySdkTypeIsListed && onlySdkTypesAreListed).toBe(true);
    expect(new Set(openaiEventTypes).size).toBe(59);
  });

  it('keeps extensions apart from the SDK types', () => {
    const overlap = extensionEventTypes.filter((type) =>
      (openaiEventTypes as readonly string[]).includes(type),
    );
    expect(overlap).toEqual([]);
  });

  it('tells known events from unknown and rill events', () => {
    expect(isKnownEvent({ type: 'response.output_text.delta' } as never)).toBe(true);
    expect(isKnownEvent({ type: 'response.x_search_call.searching' } as never)).toBe(true);
    expect(isKnownEvent({ type: 'response.future_thing' })).toBe(false);
    expect(isKnownEvent({ type: 'rill.end' })).toBe(false);
  });
});
