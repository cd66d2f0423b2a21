/** Props of {@link Refusal}. */
export interface RefusalProps {
  /** The refusal text, as the model wrote it (streaming or finished). */
  refusal: string;
  className?: string | undefined;
}

/** A refusal the model wrote instead of an answer, as plain text. */
export function Refusal({ refusal, className }: RefusalProps) {
  return (
    <p data-slot="refusal" className={className}>
      {refusal}
    </p>
  );
}
