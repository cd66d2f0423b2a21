/**
 * Fields every Responses API stream event carries.
 *
 * `sequence_number` rises from 0 within one response; early-2025 recordings and some gateways
 * omit it, so it is optional here.
 */
export interface EventBase<Type extends string> {
  type: Type;
  sequence_number?: number;
}

/** An event about one output item, addressed by its position in `response.output`. */
export interface ItemEventBase<Type extends string> extends EventBase<Type> {
  /** The item's id. GitHub Copilot rotates it on every event, so the reducer routes by `output_index`. */
  item_id?: string;
  output_index: number;
}

/** An item event that streams a piece of a string field. */
export interface ItemDeltaEvent<Type extends string> extends ItemEventBase<Type> {
  delta: string;
}
