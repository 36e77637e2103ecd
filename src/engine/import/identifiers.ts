/** Words a generated variable may not be named: reserved words and the names every generated app declares. */
const RESERVED = new Set(
  (
    'arguments await break case catch class const continue debugger default delete do else enum eval export extends false ' +
    'finally for function if implements import in instanceof interface let new null package private protected public ' +
    'return static super switch this throw true try typeof undefined var void while with yield NaN Infinity app stack'
  ).split(' '),
);

/**
 * PascalCase of a display name, for a construct ID: accents dropped, every run of letters and digits
 * a word with its first letter upper-cased and the rest lower-cased ("iOS BYOD users" → "IosByodUsers").
 * Empty when the name has no Latin letter or digit.
 */
export function pascalCase(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}

/**
 * A camelCase variable name for a construct ID. `kind` (PascalCase, e.g. "Group") is appended when
 * the plain name is a reserved word, and put in front when the ID has no leading letter.
 */
export function variableNameOf(constructId: string, kind: string): string {
  const words = constructId.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() : w.charAt(0).toUpperCase()) + w.slice(1)).join('');
  if (!/^[A-Za-z]/.test(camel)) return `${kind.charAt(0).toLowerCase()}${kind.slice(1)}${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
  return RESERVED.has(camel) ? `${camel}${kind}` : camel;
}

/**
 * Hands out names that are unique within one scope: the first request for a base name gets it,
 * later ones get `2`, `3`, … appended.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** Marks names as used without handing them out. */
  reserve(name: string): void {
    this.taken.add(name);
  }

  /** `base`, or `base` with the smallest suffix from 2 that is still free. */
  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n += 1) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}
