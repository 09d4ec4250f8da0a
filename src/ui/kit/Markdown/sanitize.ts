// Defence in depth: markdown-it runs with html:false, so raw HTML in a reply is already escaped to text, and
// highlight.js and KaTeX (trust:false) escape what they are given. DOMPurify still checks every block before it
// reaches innerHTML, so a bug in any of them (or a plugin) cannot turn a reply into live markup.
import createDOMPurify from 'dompurify';

/** Only web and mail links are kept as links; anything else (javascript:, data:, relative paths) loses its href. */
export const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

// Our own instance, so these hooks do not leak into any other DOMPurify user on the page.
const purify = createDOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  if (!SAFE_HREF.test(href)) {
    node.removeAttribute('href');
    return;
  }
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
});

const CONFIG = {
  // Nothing a reply should ever produce: images could leak the conversation to a remote server as a URL.
  FORBID_TAGS: ['img', 'image', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'textarea', 'select', 'link', 'meta', 'base'],
  FORBID_ATTR: ['srcset', 'action', 'formaction', 'xlink:href'],
  // KaTeX's MathML keeps the TeX source for screen readers in <semantics><annotation>.
  ADD_TAGS: ['semantics', 'annotation'],
  ALLOW_DATA_ATTR: false,
};

export function sanitize(html: string): string {
  return purify.sanitize(html, CONFIG);
}

/**
 * Sanitizes the HTML of several blocks in one pass (DOMPurify's cost is mostly per call) and returns each
 * top-level element's HTML; every markdown-it top-level block renders to exactly one element.
 */
export function sanitizeElements(html: string): string[] {
  const fragment = purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  return Array.from(fragment.children, (element) => element.outerHTML);
}
