import type { ResponseErrorBody, ResponseStatus } from '@rill/core';

/** Props of {@link StatusBanner}. */
export interface StatusBannerProps {
  status: ResponseStatus;
  /** The error, for `failed` and `error`. */
  error?: ResponseErrorBody | undefined;
  /** Why an `incomplete` response stopped (`max_output_tokens`, `content_filter`…). */
  reason?: string | undefined;
  className?: string | undefined;
}

const messages: Partial<Record<ResponseStatus, string>> = {
  failed: 'The response failed.',
  incomplete: 'The response is incomplete.',
  error: 'Something went wrong.',
  interrupted: 'The connection ended before the response finished.',
  aborted: 'The response was stopped.',
};

/**
 * A banner for a response that did not complete. `failed` and `error` are alerts
 * (`role="alert"`), `incomplete`, `interrupted` and `aborted` are statuses (`role="status"`).
 * `data-state` is the status. Renders nothing for any other status.
 */
export function StatusBanner({ status, error, reason, className }: StatusBannerProps) {
  const message = messages[status];
  if (message === undefined) return null;
  const detail =
    status === 'incomplete'
      ? reason === undefined
        ? undefined
        : `Reason: ${reason.replaceAll('_', ' ')}.`
      : status === 'failed' || status === 'error'
        ? error?.message
        : undefined;
  return (
    <div
      data-slot="status-banner"
      className={className}
      data-state={status}
      role={status === 'failed' || status === 'error' ? 'alert' : 'status'}
    >
      {message}
      {detail === undefined || detail === '' ? null : (
        <>
          {' '}
          <span data-slot="status-banner-detail">{detail}</span>
        </>
      )}
    </div>
  );
}
