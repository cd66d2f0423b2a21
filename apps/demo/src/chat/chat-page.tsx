/** A chat on useConversation against the demo server's mock Responses API. */
export function ChatPage() {
  return <p>Chat</p>;
}
