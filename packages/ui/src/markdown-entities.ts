/**
 * Decoding of HTML character references in markdown text, so `&amp;` shows as `&` and
 * `&#106;` as `j`. The result is only ever used as a React text node or fed to the URL checks,
 * never as HTML.
 */

/** The named references models write; any other name is left as written. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  middot: '·',
  bull: '•',
  larr: '←',
  rarr: '→',
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  lpar: '(',
  rpar: ')',
  period: '.',
  semi: ';',
  excl: '!',
  num: '#',
  percnt: '%',
  equals: '=',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g;

function fromCodePoint(code: number): string {
  // Null, surrogates and out-of-range code points become U+FFFD, as the HTML spec says.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/**
 * Replaces decimal, hexadecimal and common named character references with their characters.
 *
 * @param text - Markdown text as the lexer left it.
 * @returns The text with the references decoded; unknown names are kept verbatim.
 */
export function decodeMarkdownEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return (name !== undefined ? NAMED[name.toLowerCase()] : undefined) ?? match;
  });
}
