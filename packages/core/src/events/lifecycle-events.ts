import type { Response, ResponseErrorBody } from '../response.js';
import type { EventBase } from './event-base.js';

/** The response-level lifecycle event types; each carries the whole Response object. */
export type LifecycleEventType =
  | 'response.created'
  | 'response.queued'
  | 'response.in_progress'
  | 'response.completed'
  | 'response.incomplete'
  | 'response.failed';

/** A lifecycle event: the server's current view of the whole response. */
export interface LifecycleEvent<
  Type extends LifecycleEventType = LifecycleEventType,
> extends EventBase<Type> {
  response: Response;
}

/**
 * A stream-level error. OpenAI nests the details under `error`; the SDK's type (and some
 * providers) put them flat on the event. Both shapes are accepted.
 */
export interface ErrorEvent extends EventBase<'error'>, Partial<Omit<ResponseErrorBody, 'type'>> {
  error?: ResponseErrorBody;
}

/** A transport keepalive: changes nothing. */
export type KeepaliveEvent = EventBase<'keepalive'>;
