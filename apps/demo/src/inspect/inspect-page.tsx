/** Drop or paste a recorded stream to inspect it. */
export function InspectPage() {
  return <p>Inspect</p>;
}
