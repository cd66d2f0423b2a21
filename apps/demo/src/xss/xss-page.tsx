/** The XSS corpus streamed through the components: nothing in it may execute. */
export function XssPage() {
  return <p>Safety</p>;
}
