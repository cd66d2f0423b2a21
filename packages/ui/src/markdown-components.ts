/**
 * The `components` prop: replacements for the HTML elements the markdown renderer creates.
 */
import {
  createElement,
  type ComponentPropsWithoutRef,
  type ElementType,
  type ReactNode,
} from 'react';

/** The elements markdown renders, by tag name. */
export type MarkdownElementName =
  | 'a'
  | 'blockquote'
  | 'br'
  | 'code'
  | 'del'
  | 'em'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'hr'
  | 'img'
  | 'input'
  | 'li'
  | 'ol'
  | 'p'
  | 'pre'
  | 'strong'
  | 'table'
  | 'tbody'
  | 'td'
  | 'th'
  | 'thead'
  | 'tr'
  | 'ul';

/**
 * Replacement components, by the element they replace (`{ a: MyLink, code: MyCode }`). Each
 * receives the props the element would have had, children included. Pass a stable object
 * (module-level or memoized): completed blocks re-render when it changes.
 */
export type MarkdownComponents = {
  [Name in MarkdownElementName]?: ElementType<ComponentPropsWithoutRef<Name>>;
};

type AnyProps = Record<string, unknown>;

/**
 * Creates `name`, or its replacement from `components`. Undefined props are dropped, so
 * replacements see the same props the DOM element gets.
 */
export function renderElement(
  components: MarkdownComponents,
  name: MarkdownElementName,
  props: AnyProps,
  ...children: ReactNode[]
): ReactNode {
  const type = (components[name] ?? name) as ElementType<AnyProps>;
  const defined: AnyProps = {};
  for (const [key, value] of Object.entries(props)) if (value !== undefined) defined[key] = value;
  return createElement(type, defined, ...children);
}
