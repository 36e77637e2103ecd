import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** The type of one declared property, as Microsoft's generated beta models declare it. */
export type PropertyType =
  | { readonly kind: 'string' | 'boolean' | 'number' | 'dateTime' | 'guid' | 'date' | 'time' | 'duration' | 'binary' | 'untyped' }
  | { readonly kind: 'enum'; readonly name: string }
  | { readonly kind: 'complex'; readonly name: string }
  | { readonly kind: 'entity'; readonly name: string };

/** One declared property: its JSON name, type, whether it is a collection, and what the docs say of it. */
export interface DeclaredProperty {
  readonly name: string;
  readonly type: PropertyType;
  readonly collection: boolean;
  /** The docs' description of the property (the models carry it as TSDoc). */
  readonly description: string;
}

/** Whether the docs call a property read-only ("Read-only.", "Read-only in Microsoft Graph"). */
export function documentedReadOnly(property: DeclaredProperty): boolean {
  return /(^|[.;)] *)Read-only(\.| in Microsoft Graph)|\bThis property is read-only\b/i.test(property.description);
}

/** Whether the docs say a property is returned only when `$select` names it. */
export function documentedSelectOnly(property: DeclaredProperty): boolean {
  return /only on \$select|requires \$select|not returned by default/i.test(property.description);
}

/** Whether the docs say a property is returned by default (without `$select`). */
export function documentedDefault(property: DeclaredProperty): boolean {
  return /returned by default/i.test(property.description) && !documentedSelectOnly(property);
}

/** One entity or complex type of the metadata. */
export interface DeclaredType {
  /** Name without namespace, e.g. `iosStoreApp`. */
  readonly name: string;
  /** Base type, e.g. `mobileApp`. */
  readonly base: string | undefined;
  /** Properties declared on the type itself (not inherited). */
  readonly own: readonly DeclaredProperty[];
}

/** Microsoft's generated beta model: types, enums and derivations. */
export interface GraphModel {
  /** Every type by name. */
  readonly types: ReadonlyMap<string, DeclaredType>;
  /** Members of every enum by name. */
  readonly enums: ReadonlyMap<string, readonly string[]>;
  /** Every structural property of a type, inherited ones first (navigation properties left out). */
  properties(typeName: string): DeclaredProperty[];
  /** Whether a type is an entity (derives from `entity`). */
  isEntity(typeName: string): boolean;
  /** Concrete and abstract types deriving from a type, at any depth. */
  derived(typeName: string): string[];
}

type PrimitiveKind = Exclude<PropertyType['kind'], 'enum' | 'complex' | 'entity'>;

const PRIMITIVES: Readonly<Record<string, PrimitiveKind>> = {
  string: 'string',
  boolean: 'boolean',
  number: 'number',
  Date: 'dateTime',
  Guid: 'guid',
  DateOnly: 'date',
  TimeOnly: 'time',
  Duration: 'duration',
  ArrayBuffer: 'binary',
  UntypedNode: 'untyped',
};
const SKIPPED = new Set(['odataType', 'additionalData', 'backingStoreEnabled', 'backingStore']);

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The file the models are read from: the `@microsoft/msgraph-beta-sdk` devDependency. */
export const MODELS_FILE = require.resolve('@microsoft/msgraph-beta-sdk/models/index.d.ts');
/** Its serializers, which give the JSON name of properties whose TypeScript name differs (`v10_0` is `v100`). */
const SERIALIZERS_FILE = require.resolve('@microsoft/msgraph-beta-sdk/models/index.js');

/** JSON names of properties by type and TypeScript name, where the two differ. */
function jsonNames(): Map<string, Map<string, string>> {
  const names = new Map<string, Map<string, string>>();
  for (const match of readFileSync(SERIALIZERS_FILE, 'utf8').matchAll(/writer\.write\w+\("([^"@]+)", (\w+)\.(\w+)/g)) {
    const [, json, type, property] = match;
    if (!json || !type || !property || json === property) continue;
    names.set(type, (names.get(type) ?? new Map<string, string>()).set(property, json));
  }
  return names;
}

let cached: GraphModel | undefined;

/** Reads (once per process) the generated beta models with the TypeScript compiler API. */
export function graphModel(): GraphModel {
  if (cached) return cached;
  const source = ts.createSourceFile('models.d.ts', readFileSync(MODELS_FILE, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const enumObjects = new Map<string, string[]>();
  const enumAliases = new Map<string, string>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text.endsWith('Object') && declaration.type && ts.isTypeLiteralNode(declaration.type)) {
          enumObjects.set(
            declaration.name.text,
            declaration.type.members.flatMap((member) => (ts.isPropertySignature(member) && member.type && ts.isLiteralTypeNode(member.type) && ts.isStringLiteral(member.type.literal) ? [member.type.literal.text] : [])),
          );
        }
      }
    } else if (ts.isTypeAliasDeclaration(statement)) {
      const match = /typeof (\w+Object)\)/.exec(statement.type.getText(source));
      if (match?.[1]) enumAliases.set(statement.name.text, match[1]);
    }
  }
  const typeOf = (node: ts.TypeNode): { type: PropertyType; collection: boolean } | undefined => {
    const parts = ts.isUnionTypeNode(node) ? node.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword)) : [node];
    const [only] = parts;
    if (parts.length !== 1 || !only) return undefined;
    const collection = ts.isArrayTypeNode(only);
    const element = ts.isArrayTypeNode(only) ? only.elementType : only;
    const text = element.getText(source);
    const primitive = PRIMITIVES[text];
    if (primitive) return { type: { kind: primitive }, collection };
    const alias = enumAliases.get(text);
    if (alias) return { type: { kind: 'enum', name: lowerFirst(text) }, collection };
    if (interfaces.has(text)) return { type: { kind: 'complex', name: lowerFirst(text) }, collection };
    return undefined;
  };
  const text = source.getFullText();
  const descriptionOf = (member: ts.Node): string => {
    const range = ts.getLeadingCommentRanges(text, member.pos)?.at(-1);
    if (!range) return '';
    return text
      .slice(range.pos, range.end)
      .replace(/^\/\*\*|\*\/$/g, '')
      .split('\n')
      .map((line) => line.replace(/^\s*\*\s?/, '').trim())
      .filter((line) => line.length > 0)
      .join(' ');
  };
  const renamed = jsonNames();
  const types = new Map<string, DeclaredType>();
  for (const [name, declaration] of interfaces) {
    const bases = (declaration.heritageClauses ?? []).flatMap((clause) => clause.types.map((t) => t.expression.getText(source))).filter((b) => interfaces.has(b) && b !== 'Parsable');
    const own: DeclaredProperty[] = [];
    for (const member of declaration.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const tsName = member.name.getText(source).replace(/^["']|["']$/g, '');
      const propertyName = renamed.get(lowerFirst(name))?.get(tsName) ?? tsName;
      if (SKIPPED.has(tsName)) continue;
      const resolved = typeOf(member.type);
      if (resolved) own.push({ name: propertyName, ...resolved, description: descriptionOf(member) });
    }
    types.set(lowerFirst(name), { name: lowerFirst(name), base: bases[0] === undefined ? undefined : lowerFirst(bases[0]), own });
  }
  const enums = new Map([...enumAliases].map(([alias, object]) => [lowerFirst(alias), enumObjects.get(object) ?? []]));
  const isEntity = (name: string): boolean => {
    for (let current: string | undefined = name; current; current = types.get(current)?.base) if (current === 'entity') return true;
    return false;
  };
  const children = new Map<string, string[]>();
  for (const type of types.values()) if (type.base) children.set(type.base, [...(children.get(type.base) ?? []), type.name]);
  const model: GraphModel = {
    types,
    enums,
    isEntity,
    properties(typeName) {
      const chain: DeclaredType[] = [];
      for (let current = types.get(typeName); current; current = current.base ? types.get(current.base) : undefined) chain.unshift(current);
      return chain
        .flatMap((type) => type.own)
        .map((p) => (p.type.kind === 'complex' && isEntity(p.type.name) ? { ...p, type: { kind: 'entity' as const, name: p.type.name } } : p))
        .filter((p) => p.type.kind !== 'entity');
    },
    derived(typeName) {
      const result: string[] = [];
      const pending = [...(children.get(typeName) ?? [])];
      for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
        result.push(next);
        pending.push(...(children.get(next) ?? []));
      }
      return result;
    },
  };
  cached = model;
  return model;
}
