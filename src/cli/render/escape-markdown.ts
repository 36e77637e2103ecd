const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '&#124;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '~': '&#126;',
  '\\': '&#92;',
  '#': '&#35;',
};

/**
 * Text from the stack or the tenant made safe for GitHub Markdown, inside tables and HTML alike:
 * `| < > &` and the Markdown marks render as written, and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[&<>"|`*_[\]~\\#]/g, (c) => ENTITIES[c]!).replace(/\r?\n/g, ' ');
}
