/**
 * `marked` tokens → React elements. Only the token types below are rendered; raw HTML (block
 * and inline) is shown as its source text, and link targets go through {@link safeLinkHref}.
 */
import { Fragment, memo, type ReactElement, type ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import type { CodeHighlighter } from './code-highlighter.js';
import type { MarkdownBlockData } from './markdown-blocks.js';
import { MarkdownCodeBlock } from './markdown-code-block.js';
import { renderElement, type MarkdownComponents } from './markdown-components.js';
import { decodeMarkdownEntities } from './markdown-entities.js';
import { MarkdownImage } from './markdown-image.js';
import { LINK_REL, safeLinkHref, type MarkdownImagePolicy } from './url-policy.js';

/** What every token needs besides itself. */
export interface MarkdownRenderContext {
  components: MarkdownComponents;
  imagePolicy: MarkdownImagePolicy | undefined;
  /** Colours code blocks; `undefined` leaves them plain. */
  highlighter: CodeHighlighter | undefined;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

function renderTokens(
  tokens: readonly Token[] | undefined,
  context: MarkdownRenderContext,
): ReactNode[] {
  if (tokens === undefined) return [];
  return tokens.map((token, index) => (
    <Fragment key={index}>{renderToken(token, context)}</Fragment>
  ));
}

function cellAlign(
  align: Tokens.TableCell['align'],
): { textAlign: 'left' | 'right' | 'center' } | undefined {
  return align === null ? undefined : { textAlign: align };
}

function renderTable(token: Tokens.Table, context: MarkdownRenderContext): ReactNode {
  const { components } = context;
  const cell = (name: 'th' | 'td', item: Tokens.TableCell, index: number): ReactNode => (
    <Fragment key={index}>
      {renderElement(
        components,
        name,
        { style: cellAlign(item.align) },
        ...renderTokens(item.tokens, context),
      )}
    </Fragment>
  );
  return (
    <div data-slot="markdown-table">
      {renderElement(
        components,
        'table',
        {},
        renderElement(
          components,
          'thead',
          {},
          renderElement(
            components,
            'tr',
            {},
            ...token.header.map((item, index) => cell('th', item, index)),
          ),
        ),
        token.rows.length > 0
          ? renderElement(
              components,
              'tbody',
              {},
              ...token.rows.map((row, rowIndex) => (
                <Fragment key={rowIndex}>
                  {renderElement(
                    components,
                    'tr',
                    {},
                    ...row.map((item, index) => cell('td', item, index)),
                  )}
                </Fragment>
              )),
            )
          : null,
      )}
    </div>
  );
}

function renderList(token: Tokens.List, context: MarkdownRenderContext): ReactNode {
  const { components } = context;
  const start =
    token.ordered && typeof token.start === 'number' && token.start !== 1 ? token.start : undefined;
  const items = token.items.map((item, index) => (
    <Fragment key={index}>
      {renderElement(
        components,
        'li',
        {
          'data-slot': item.task ? 'task-item' : undefined,
          'data-state': item.task ? (item.checked === true ? 'checked' : 'unchecked') : undefined,
        },
        ...renderTokens(item.tokens, context),
      )}
    </Fragment>
  ));
  return renderElement(components, token.ordered ? 'ol' : 'ul', { start }, ...items);
}

function renderToken(token: Token, context: MarkdownRenderContext): ReactNode {
  const { components } = context;
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return renderElement(
        components,
        'p',
        {},
        ...renderTokens((token as Tokens.Paragraph).tokens, context),
      );
    case 'heading': {
      const heading = token as Tokens.Heading;
      const name = HEADINGS[Math.min(Math.max(heading.depth, 1), 6) - 1] ?? 'h6';
      return renderElement(components, name, {}, ...renderTokens(heading.tokens, context));
    }
    case 'code': {
      const code = token as Tokens.Code;
      // While the fence's first line is still arriving its language is a prefix (`java` of
      // `javascript`): it is not named, nor its grammar fetched, until the line ends.
      const language = code.raw.includes('\n') ? code.lang?.trim().split(/\s+/)[0] : undefined;
      return (
        <MarkdownCodeBlock
          code={code.text}
          language={language === '' ? undefined : language}
          components={components}
          highlighter={context.highlighter}
        />
      );
    }
    case 'blockquote':
      return renderElement(
        components,
        'blockquote',
        {},
        ...renderTokens((token as Tokens.Blockquote).tokens, context),
      );
    case 'hr':
      return renderElement(components, 'hr', {});
    case 'list':
      return renderList(token as Tokens.List, context);
    case 'checkbox': {
      const checked = (token as Tokens.Checkbox).checked;
      return (
        <>
          {renderElement(components, 'input', {
            type: 'checkbox',
            checked,
            disabled: true,
            readOnly: true,
            'aria-label': checked ? 'Done' : 'Not done',
          })}{' '}
        </>
      );
    }
    case 'table':
      return renderTable(token as Tokens.Table, context);
    case 'html':
      // Raw HTML is never interpreted: it is shown as the text the model wrote.
      return (token as Tokens.HTML).block
        ? renderElement(components, 'p', { 'data-slot': 'markdown-html' }, token.raw)
        : token.raw;
    case 'text': {
      const text = token as Tokens.Text;
      if (text.tokens !== undefined && text.tokens.length > 0)
        return renderTokens(text.tokens, context);
      return decodeMarkdownEntities(text.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return renderElement(
        components,
        'strong',
        {},
        ...renderTokens((token as Tokens.Strong).tokens, context),
      );
    case 'em':
      return renderElement(
        components,
        'em',
        {},
        ...renderTokens((token as Tokens.Em).tokens, context),
      );
    case 'del':
      return renderElement(
        components,
        'del',
        {},
        ...renderTokens((token as Tokens.Del).tokens, context),
      );
    case 'codespan':
      return renderElement(components, 'code', {}, (token as Tokens.Codespan).text);
    case 'br':
      return renderElement(components, 'br', {});
    case 'link': {
      const link = token as Tokens.Link;
      const children = renderTokens(link.tokens, context);
      const href = safeLinkHref(link.href);
      if (href === undefined) return <>{children}</>;
      return renderElement(
        components,
        'a',
        {
          href,
          title:
            link.title === null || link.title === undefined
              ? undefined
              : decodeMarkdownEntities(link.title),
          target: '_blank',
          rel: LINK_REL,
        },
        ...children,
      );
    }
    case 'image': {
      const image = token as Tokens.Image;
      return (
        <MarkdownImage
          href={image.href}
          alt={decodeMarkdownEntities(image.text)}
          title={
            image.title === null || image.title === undefined
              ? undefined
              : decodeMarkdownEntities(image.title)
          }
          policy={context.imagePolicy}
          components={components}
        />
      );
    }
    default:
      // Token types this renderer does not know (extensions) show their source text.
      return 'raw' in token && typeof token.raw === 'string' ? token.raw : null;
  }
}

/** Props of {@link MarkdownBlock}. */
export interface MarkdownBlockProps extends MarkdownRenderContext {
  block: MarkdownBlockData;
  index: number;
}

function MarkdownBlockView({
  block,
  components,
  imagePolicy,
  highlighter,
}: MarkdownBlockProps): ReactElement {
  return (
    <div data-slot="markdown-block">
      {renderTokens(block.tokens, { components, imagePolicy, highlighter })}
    </div>
  );
}

function sameComponents(previous: MarkdownComponents, next: MarkdownComponents): boolean {
  if (previous === next) return true;
  const keys = Object.keys(previous) as (keyof MarkdownComponents)[];
  return (
    keys.length === Object.keys(next).length && keys.every((key) => previous[key] === next[key])
  );
}

/** Whether two blocks render the same: the same object, or the same lexed source and links. */
function sameBlock(
  previous: MarkdownBlockData | undefined,
  next: MarkdownBlockData | undefined,
): boolean {
  return (
    previous === next ||
    (previous !== undefined &&
      next !== undefined &&
      previous.source === next.source &&
      previous.references === next.references)
  );
}

/** Whether two render contexts render the same (the components compared key by key). */
export function sameContext(previous: MarkdownRenderContext, next: MarkdownRenderContext): boolean {
  return (
    previous.imagePolicy === next.imagePolicy &&
    previous.highlighter === next.highlighter &&
    sameComponents(previous.components, next.components)
  );
}

/**
 * One block, memoized on its lexed source and position: a completed block renders once and
 * never again while the tail grows.
 */
export const MarkdownBlock = memo(
  MarkdownBlockView,
  (previous, next) =>
    previous.index === next.index &&
    sameBlock(previous.block, next.block) &&
    sameContext(previous, next),
);
