// highlight.js core with the languages chat replies use most, instead of all ~190 (which would add ~300 kB
// gzip to the chat). Aliases (js, ts, py, sh, html, c++, golang, ...) come with each language definition.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = { bash, c, cpp, csharp, css, diff, go, java, javascript, json, markdown, python, rust, shell, sql, typescript, xml, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);

/** A code block's language as written after the fence (`js`, `Python`, `c++`), or undefined when not registered. */
export function knownLanguage(info: string): string | undefined {
  const name = info.trim().split(/\s+/)[0]?.toLowerCase();
  return name && hljs.getLanguage(name) ? name : undefined;
}

/** Highlighted HTML (highlight.js escapes the code itself), or undefined for a language it does not know. */
export function highlightCode(code: string, info: string): string | undefined {
  const language = knownLanguage(info);
  if (!language) return undefined;
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
