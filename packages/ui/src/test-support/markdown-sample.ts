/** A rich answer using every construct `<StreamingMarkdown>` renders, for streaming tests. */
export const MARKDOWN_SAMPLE = `# Release notes

Version **2.0** adds _streaming_ support, ~~removes~~ deprecates \`legacy()\`, and links to
[the docs](https://docs.example/guide "Guide") and <https://example.com>. See [the spec][spec].

[spec]: https://spec.example/gfm

## Steps

1. Install the package

   with a second paragraph in the same item.

2. Configure it:
   - nested *item*
   - another

3. Run it

- [x] done task
- [ ] open task

| Feature | Status | Notes |
| :------ | :----: | ----: |
| Tables  | ✓      | \`code\` |
| Links   | ✗      | [x](https://x.example) |

> A quote with **bold**
> across two lines.

\`\`\`ts
const answer = 42;

// a blank line above, inside the fence
console.log(answer);
\`\`\`

---

Trailing paragraph with an image ![diagram](https://img.example/d.png) and a line
break\\
and the end.
`;
