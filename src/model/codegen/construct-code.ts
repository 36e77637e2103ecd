import type { Assignment } from '../assignment';
import { appAssignmentCode, sortedAssignments, targetCode, type GroupNaming } from './assignment-code';
import { propsLiteral, type Prop } from './props-literal';
import { tsString } from './ts-literal';

/** One tenant object as import reads it: what a kind's code generator declares. */
export interface CodeSource {
  /** Display name. */
  readonly displayName: string;
  /** Description without the ownership marker. */
  readonly description: string;
  /** The canonical spec. */
  readonly spec: unknown;
  /** Assignments, with group targets naming group IDs. */
  readonly assignments: readonly Assignment[];
}

/** What the code of one construct needs besides the object itself. */
export interface ConstructCodeContext {
  /** The construct's id in the stack. */
  readonly constructId: string;
  /** The variable that holds the construct, when later statements use it. */
  readonly variable: string | undefined;
  /** The logical ID to keep, when the construct ID cannot spell it (it contains `/`). */
  readonly logicalIdOverride: string | undefined;
  /** How assignments name groups. */
  readonly groups: GroupNaming;
}

/** The statements that declare one object, and the names they import from `enrollkit`. */
export interface ConstructCode {
  /** TypeScript statements, without a trailing newline. */
  readonly statements: string;
  /** Names imported from `enrollkit`. */
  readonly imports: readonly string[];
}

/** `displayName` and, when set, `description`. */
export function namedProps(o: CodeSource): Prop[] {
  return [['displayName', tsString(o.displayName)], ...(o.description ? [['description', tsString(o.description)] as const] : [])];
}

/** `assignments` of bare targets (profiles, restrictions, policies). */
export function targetsProp(o: CodeSource, groups: GroupNaming): Prop {
  return ['assignments', sortedAssignments(o.assignments, groups).map((a) => targetCode(a.target, groups))];
}

/** `assignments` of apps: target, intent and settings. */
export function appAssignmentsProp(o: CodeSource, groups: GroupNaming): Prop {
  return ['assignments', sortedAssignments(o.assignments, groups).map((a) => appAssignmentCode(a, groups))];
}

/** A string prop, left out when unset. */
export function optionalProp(name: string, value: string | undefined): Prop[] {
  return value === undefined ? [] : [[name, tsString(value)]];
}

/**
 * `new Class(stack, id, { ...props })`, kept in a variable when later statements need it, then
 * `overrideLogicalId` when the construct ID cannot spell the logical ID.
 */
export function newConstructCode(o: CodeSource, ctx: ConstructCodeContext, className: string, props: readonly Prop[], imports: readonly string[]): ConstructCode {
  const call = `new ${className}(stack, ${tsString(ctx.constructId)}, ${propsLiteral(props)});`;
  const declaration = `${ctx.variable ? `const ${ctx.variable} = ` : ''}${call}`;
  const override = ctx.variable && ctx.logicalIdOverride !== undefined ? [`${ctx.variable}.overrideLogicalId(${tsString(ctx.logicalIdOverride)});`] : [];
  return {
    statements: [declaration, ...override].join('\n'),
    imports: [className, ...imports, ...(o.assignments.length > 0 ? ['AssignmentTarget'] : [])],
  };
}
