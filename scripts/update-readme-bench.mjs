// Copies bench/results.md (written by `pnpm bench`) into the README between the bench markers,
// so the README's tables are always those of the last full run, never numbers typed by hand.
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:start (generated from bench/results.md by pnpm bench) -->';
const END = '<!-- bench:end -->';
const results = readFileSync('bench/results.md', 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('# ') && !line.startsWith('Written by'))
  .map((line) => (line.startsWith('#') ? `#${line}` : line))
  .join('\n')
  .trim();
const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from === -1 || to === -1) throw new Error('README.md has no bench markers');
writeFileSync(
  'README.md',
  `${readme.slice(0, from + START.length)}\n\n${results}\n\n${readme.slice(to)}`,
);
console.log('README.md: benchmark tables updated from bench/results.md');
