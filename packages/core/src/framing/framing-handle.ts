import type { Framing, StreamFormat } from './create-framing.js';
import type { ItemBuffer } from './create-item-buffer.js';

/**
 * What `createStreamParser` and `createFrameParser` return: `push` and `end` as own fields, each
 * returning what the framing's handlers put in `items` during the call, and the framing's state
 * (`format`, `lastEventId`, `retry`) behind getters on the prototype.
 *
 * A class rather than an object literal because V8 keeps a literal that declares a getter in
 * dictionary mode: every `parser.push(chunk)` was then a hash lookup that optimized code could
 * not inline. Own data fields and prototype getters keep one fast shape for every parser.
 */
export class FramingHandle<Item> {
  /** Feed the next chunk; get what it completed. */
  readonly push: (chunk: Uint8Array | string) => Item[];
  /** The body ended; get the last items. */
  readonly end: () => Item[];
  readonly #framing: Framing;

  /**
   * @param framing - the engine the parser feeds, whose state the getters read
   * @param items - where the framing's handlers put what each call completes
   * @param last - makes the item `end` adds after everything else, if any
   */
  constructor(framing: Framing, items: ItemBuffer<Item>, last?: () => Item) {
    this.#framing = framing;
    this.push = (chunk) => {
      items.clear();
      framing.push(chunk);
      return items.take();
    };
    this.end = () => {
      items.clear();
      framing.end();
      if (last !== undefined) items.emit(last());
      return items.take();
    };
  }

  /** The framing in use, once detected. */
  get format(): StreamFormat | undefined {
    return this.#framing.format();
  }

  /** The last SSE event id, for `Last-Event-ID` on reconnect. */
  get lastEventId(): string {
    return this.#framing.lastEventId();
  }

  /** The reconnection delay the server asked for, in milliseconds. */
  get retry(): number | undefined {
    return this.#framing.retry();
  }
}
