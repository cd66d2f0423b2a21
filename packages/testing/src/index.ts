export {
  CHROMIUM_ARGS,
  chromiumPath,
  hasChromium,
  launchChromium,
  watchPageErrors,
  type PageErrors,
} from './launch-chromium.js';
export { MARKDOWN_XSS_CORPUS } from './markdown-xss-corpus.js';
export { TOOL_RECORDINGS } from './tool-recordings.js';
