/** Every tool-card state at once, light and dark. */
export function MatrixPage() {
  return <p>Matrix</p>;
}
