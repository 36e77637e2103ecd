import { badRequest } from '../graph-error';

/** A literal of a `$filter` expression. */
export type FilterLiteral = string | number | boolean | null;

/** The syntax tree of a `$filter` expression. */
export type FilterExpr =
  | { readonly kind: 'literal'; readonly value: FilterLiteral }
  | { readonly kind: 'path'; readonly segments: readonly string[] }
  | { readonly kind: 'logical'; readonly op: 'and' | 'or'; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly kind: 'not'; readonly operand: FilterExpr }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly kind: 'in'; readonly left: FilterExpr; readonly values: readonly FilterLiteral[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly FilterExpr[] }
  | {
      readonly kind: 'lambda';
      readonly op: 'any' | 'all';
      readonly collection: readonly string[];
      readonly variable: string | null;
      readonly predicate: FilterExpr | null;
    };

/** Comparison operators of `$filter`. */
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'contains', 'isof', 'tolower', 'toupper']);

type Token = { readonly type: 'punct' | 'word' | 'string' | 'number'; readonly text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if ('(),:/'.includes(ch)) {
      tokens.push({ type: 'punct', text: ch });
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw badRequest(`Invalid filter clause: unterminated string literal in '${text}'.`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ type: 'string', text: value });
    } else {
      const match = /^(-?[0-9][0-9A-Za-z.:+-]*|[A-Za-z_$@][\w.@$]*)/.exec(text.slice(i));
      if (!match?.[0]) throw badRequest(`Invalid filter clause: unexpected character '${ch}' at position ${i}.`);
      const word = match[0];
      tokens.push({ type: /^-?[0-9]+(\.[0-9]+)?$/.test(word) ? 'number' : /^-?[0-9]/.test(word) ? 'string' : 'word', text: word });
      i += word.length;
    }
  }
  return tokens;
}

/** Deepest nesting of parentheses, `not`, function calls and lambdas in one `$filter`. */
const MAX_FILTER_DEPTH = 100;
/** Most operators and operands one `$filter` may combine. */
const MAX_FILTER_NODES = 1000;

class Parser {
  private position = 0;
  private depth = 0;
  private nodes = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
  ) {}

  parse(): FilterExpr {
    const expr = this.parseOr();
    if (this.position < this.tokens.length) this.fail(`unexpected '${this.peek()?.text ?? ''}'`);
    return expr;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  /** Runs a nested parse, refusing expressions nested or combined beyond the limits. */
  private nested<T>(parse: () => T): T {
    this.nodes++;
    if (++this.depth > MAX_FILTER_DEPTH) this.fail(`the expression is nested more than ${MAX_FILTER_DEPTH} levels deep`);
    if (this.nodes > MAX_FILTER_NODES) this.fail(`the expression combines more than ${MAX_FILTER_NODES} terms`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private fail(reason: string): never {
    throw badRequest(`Invalid filter clause: ${reason} in '${this.source}'.`);
  }

  private isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.type === 'word' && token.text.toLowerCase() === word;
  }

  private expect(text: string): void {
    const token = this.peek();
    if (token?.type !== 'punct' || token.text !== text) this.fail(`expected '${text}'`);
    this.position++;
  }

  private parseOr(): FilterExpr {
    let left = this.nested(() => this.parseAnd());
    while (this.isWord('or')) {
      this.position++;
      const right = this.nested(() => this.parseAnd());
      left = { kind: 'logical', op: 'or', left, right };
    }
    return left;
  }

  private parseAnd(): FilterExpr {
    let left = this.nested(() => this.parseUnary());
    while (this.isWord('and')) {
      this.position++;
      const right = this.nested(() => this.parseUnary());
      left = { kind: 'logical', op: 'and', left, right };
    }
    return left;
  }

  private parseUnary(): FilterExpr {
    if (this.isWord('not')) {
      this.position++;
      return { kind: 'not', operand: this.nested(() => this.parseUnary()) };
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterExpr {
    const left = this.parsePrimary();
    const next = this.peek();
    if (next?.type === 'word' && COMPARE_OPS.has(next.text.toLowerCase())) {
      this.position++;
      return { kind: 'compare', op: next.text.toLowerCase() as CompareOp, left, right: this.parsePrimary() };
    }
    if (this.isWord('in')) {
      this.position++;
      this.expect('(');
      const values: FilterLiteral[] = [];
      for (;;) {
        const value = this.parsePrimary();
        if (value.kind !== 'literal') this.fail("'in' takes a list of literals");
        values.push(value.value);
        if (this.peek()?.text === ',') this.position++;
        else break;
      }
      this.expect(')');
      return { kind: 'in', left, values };
    }
    return left;
  }

  private parsePrimary(): FilterExpr {
    const token = this.peek();
    if (!token) return this.fail('unexpected end');
    if (token.type === 'punct' && token.text === '(') {
      this.position++;
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    if (token.type === 'string') {
      this.position++;
      return { kind: 'literal', value: token.text };
    }
    if (token.type === 'number') {
      this.position++;
      return { kind: 'literal', value: Number(token.text) };
    }
    if (token.type !== 'word') return this.fail(`unexpected '${token.text}'`);
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null') {
      this.position++;
      return { kind: 'literal', value: lower === 'null' ? null : lower === 'true' };
    }
    if (this.peek(1)?.text === '(') {
      if (!FUNCTIONS.has(lower)) this.fail(`unknown function '${token.text}'`);
      this.position += 2;
      const args: FilterExpr[] = [];
      if (this.peek()?.text !== ')') {
        for (;;) {
          args.push(this.parseOr());
          if (this.peek()?.text === ',') this.position++;
          else break;
        }
      }
      this.expect(')');
      return { kind: 'call', name: lower, args };
    }
    return this.parsePath();
  }

  private parsePath(): FilterExpr {
    const segments: string[] = [];
    for (;;) {
      const token = this.peek();
      if (token?.type !== 'word') return this.fail('expected a property name');
      const lower = token.text.toLowerCase();
      if ((lower === 'any' || lower === 'all') && segments.length > 0 && this.peek(1)?.text === '(') {
        this.position += 2;
        if (this.peek()?.text === ')') {
          this.position++;
          return { kind: 'lambda', op: lower, collection: segments, variable: null, predicate: null };
        }
        const variable = this.peek();
        if (variable?.type !== 'word') return this.fail('expected a lambda variable');
        this.position++;
        this.expect(':');
        const predicate = this.parseOr();
        this.expect(')');
        return { kind: 'lambda', op: lower, collection: segments, variable: variable.text, predicate };
      }
      segments.push(token.text);
      this.position++;
      if (this.peek()?.text !== '/') return { kind: 'path', segments };
      this.position++;
    }
  }
}

/** Parses an OData `$filter` expression (`eq ne gt ge lt le and or not in`, `startswith`, `endswith`, `contains`, `isof`, `any`/`all`). */
export function parseFilter(text: string): FilterExpr {
  return new Parser(tokenize(text), text).parse();
}
