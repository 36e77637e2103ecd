/** One property of a generated props object: a value's code, or the codes of an array's items. */
export type Prop = readonly [name: string, code: string | readonly string[]];

/**
 * A multi-line object literal in the style of the examples: one property a line, trailing commas,
 * an array of one item inline and a longer one item by item. Empty arrays are left out.
 */
export function propsLiteral(props: readonly Prop[]): string {
  const lines = props.flatMap(([name, code]) => {
    if (typeof code === 'string') return [`  ${name}: ${code},`];
    if (code.length === 0) return [];
    if (code.length === 1) return [`  ${name}: [${code[0]}],`];
    return [`  ${name}: [`, ...code.map((item) => `    ${item},`), '  ],'];
  });
  return `{\n${lines.join('\n')}\n}`;
}
