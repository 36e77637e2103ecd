import { DESCRIPTORS, descriptorOf, intuneObjectCode, ManifestSchema, tsString, UsageError, type GroupNaming, type KindCode } from '../../model';
import type { ActualObject, ActualState } from '../actual-state';
import { groupDirectoryOf, type GroupDirectory } from './group-directory';
import { pascalCase, UniqueNames, variableNameOf } from './identifiers';
import { importProblem, isReferencedObject } from './import-problem';
import type { GenerateStackCodeOptions, ImportedObject, SkippedObject, StackCode } from './stack-code';

const KIND_RANK = new Map(DESCRIPTORS.map((d, i) => [d.kind, i]));

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const comment = (text: string): string => `// ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;

/** The order of priority classes, as plan ranks them: priority, then Graph ID. */
function byPriority(a: ActualObject, b: ActualObject): number {
  return (a.priority ?? 0) - (b.priority ?? 0) || a.id.localeCompare(b.id);
}

/** Kinds in dependency order; prioritised kinds by current priority; others by name (owned before referenced, e.g. store apps before VPP apps). */
function codeOrder(a: ActualObject, b: ActualObject): number {
  const kind = (KIND_RANK.get(a.kind) ?? 0) - (KIND_RANK.get(b.kind) ?? 0);
  if (kind !== 0) return kind;
  if (descriptorOf(a.kind).priorityClass) return byPriority(a, b);
  return Number(isReferencedObject(a)) - Number(isReferencedObject(b)) || byCodeUnits(a.displayName, b.displayName) || byCodeUnits(a.id, b.id);
}

/** A construct ID that starts with a letter: PascalCase of `text`, after the class name when it has none. */
function constructIdBase(text: string, fallback: string): string {
  const pascal = pascalCase(text);
  return /^[A-Za-z]/.test(pascal) ? pascal : `${fallback}${pascal}`;
}

class StackCodeWriter {
  private readonly groups: GroupDirectory;
  private readonly reasons = new Map<ActualObject, string | undefined>();
  private readonly names = new Map<string, ActualObject>();

  constructor(
    private readonly state: ActualState,
    private readonly options: GenerateStackCodeOptions,
  ) {
    this.groups = groupDirectoryOf(state);
  }

  /** How the object is declared: with its kind's construct, or with `IntuneObject`. */
  private codeOf(o: ActualObject): KindCode<unknown> {
    return this.options.constructs === 'generic' && !isReferencedObject(o) ? intuneObjectCode(o.kind) : descriptorOf(o.kind).code;
  }

  private className(o: ActualObject): string {
    return this.codeOf(o).className(o.spec);
  }

  private ownedHere(o: ActualObject): boolean {
    return o.marker?.stack === this.options.stack;
  }

  /** Why plan would not find this object as the construct's counterpart, mirroring how plan matches. */
  private identityProblem(o: ActualObject): string | undefined {
    const { title, referenceField } = descriptorOf(o.kind);
    if (isReferencedObject(o) && referenceField) {
      const value = String((o.spec as Record<string, unknown>)[referenceField]);
      const first = this.state.objects.find((x) => x.kind === o.kind && String((x.spec as Record<string, unknown>)[referenceField]) === value);
      if (first === o) return undefined;
      return `another ${title} has the ${referenceField} ${tsString(value)} too (id ${first?.id}), and a reference by ${referenceField} would find that one. Fix: remove the duplicate in the tenant, then import again`;
    }
    const lid = o.marker?.logicalId;
    const first = this.ownedHere(o)
      ? this.state.objects.find((x) => !x.builtIn && x.marker?.stack === this.options.stack && x.marker.logicalId === lid)
      : this.state.objects.find((x) => x.kind === o.kind && !x.builtIn && x.displayName === o.displayName && x.marker?.stack !== this.options.stack);
    if (first !== undefined && first !== o) {
      if (this.ownedHere(o)) return `it carries the ownership marker of ${first.id} (stack ${tsString(this.options.stack)}, id ${tsString(lid ?? '')}), so plan deletes it as a duplicate. Fix: delete one of them in the tenant, then import again`;
      const owner = first.marker ? `, owned by stack ${tsString(first.marker.stack)}` : '';
      return `another ${title} has the display name ${tsString(o.displayName)} too (id ${first.id}${owner}), and plan would take that one for it. Fix: rename one of them in the tenant, then import again`;
    }
    const key = `${o.kind}\u0000${o.displayName}`;
    const holder = this.names.get(key);
    if (holder) return `another ${title} of the stack has the display name ${tsString(o.displayName)} (id ${holder.id}). Fix: rename one of them in the tenant, then import again`;
    this.names.set(key, o);
    return undefined;
  }

  write(): StackCode {
    const { stack, include } = this.options;
    // A referenced object (a synced VPP app) without assignments gives a stack nothing to declare on it.
    const candidates = this.state.objects.filter((o) => !o.builtIn && (include === 'all' || !o.marker) && !(isReferencedObject(o) && o.assignments.length === 0));
    for (const o of [...candidates.filter((c) => this.ownedHere(c)), ...candidates.filter((c) => !this.ownedHere(c))]) {
      this.reasons.set(o, importProblem(o, this.groups) ?? this.identityProblem(o));
    }
    const ordered = [...candidates].sort(codeOrder);
    const chosen = ordered.filter((o) => this.reasons.get(o) === undefined);

    const ids = new UniqueNames();
    const plainLogicalId = (o: ActualObject): string | undefined => (this.ownedHere(o) && !o.marker?.logicalId.includes('/') ? o.marker?.logicalId : undefined);
    chosen.forEach((o) => {
      const lid = plainLogicalId(o);
      if (lid !== undefined) ids.reserve(lid);
    });
    const constructIds = new Map(chosen.map((o) => [o, plainLogicalId(o) ?? ids.claim(constructIdBase(this.ownedHere(o) ? (o.marker?.logicalId ?? '') : o.displayName, this.className(o)))]));

    const groupIds = [...new Set(chosen.flatMap((o) => o.assignments.flatMap((a) => ('group' in a.target ? [a.target.group] : []))))];
    const groupName = (id: string): string => this.groups.nameOf(id) ?? id;
    groupIds.sort((a, b) => byCodeUnits(groupName(a), groupName(b)) || byCodeUnits(a, b));
    const variables = new UniqueNames();
    const groupCode = new Map(
      groupIds.map((id) => {
        const constructId = ids.claim(constructIdBase(groupName(id), 'Group'));
        return [id, { constructId, variable: variables.claim(variableNameOf(constructId, 'Group')) }];
      }),
    );
    const naming: GroupNaming = { variable: (id) => groupCode.get(id)?.variable ?? id, displayName: groupName };

    const imports = new Set(['App', 'EnrollmentStack', ...(groupIds.length > 0 ? ['EntraGroup'] : [])]);
    const blocks: string[] = [];
    if (groupIds.length > 0) {
      blocks.push(
        groupIds
          .map((id) => `const ${naming.variable(id)} = EntraGroup.fromDisplayName(stack, ${tsString(groupCode.get(id)?.constructId ?? id)}, ${tsString(groupName(id))});`)
          .join('\n'),
      );
    }
    const imported: ImportedObject[] = [];
    const skipped: SkippedObject[] = [];
    for (const o of ordered) {
      const title = descriptorOf(o.kind).title;
      const reason = this.reasons.get(o);
      if (reason !== undefined) {
        skipped.push({ kind: o.kind, id: o.id, displayName: o.displayName, reason });
        blocks.push(comment(`not imported: ${title} ${tsString(o.displayName)} (id ${o.id}): ${reason}`));
        continue;
      }
      const constructId = constructIds.get(o) ?? o.id;
      const logicalIdOverride = this.ownedHere(o) && o.marker?.logicalId !== constructId ? o.marker?.logicalId : undefined;
      const needsVariable = logicalIdOverride !== undefined || (isReferencedObject(o) && o.assignments.length > 0);
      const code = this.codeOf(o).declare(o, {
        constructId,
        variable: needsVariable ? variables.claim(variableNameOf(constructId, this.className(o))) : undefined,
        logicalIdOverride,
        groups: naming,
      });
      code.imports.forEach((name) => imports.add(name));
      const owner = o.marker && !this.ownedHere(o) ? [comment(`owned by stack ${tsString(o.marker.stack)} (logical ID ${tsString(o.marker.logicalId)}): plan reports a conflict while that stack owns it`)] : [];
      blocks.push([...owner, code.statements].join('\n'));
      imported.push({ kind: o.kind, id: o.id, displayName: o.displayName, constructId, referenced: isReferencedObject(o) });
    }

    const names = [...imports].sort(byCodeUnits);
    const oneLine = `import { ${names.join(', ')} } from 'enrollkit';`;
    const importStatement = oneLine.length <= 100 ? oneLine : `import {\n${names.map((n) => `  ${n},`).join('\n')}\n} from 'enrollkit';`;
    const code = [
      '// The enrollment configuration of the tenant, as `enrollkit import` read it. Review it, then run',
      '// `enrollkit plan --adopt`: every object should show as adopted, with no change.',
      importStatement,
      '',
      'const app = new App();',
      `const stack = new EnrollmentStack(app, ${tsString(stack)});`,
      '',
      ...blocks.flatMap((block) => [block, '']),
      'app.synth();',
      '',
    ].join('\n');
    return { code, imported, skipped, groups: groupIds.map(groupName), notes: this.notes(chosen) };
  }

  /** What plan does besides adopting: ownership conflicts, and priority moves around objects left outside. */
  private notes(chosen: readonly ActualObject[]): string[] {
    const inStack = new Set(chosen);
    const notes = chosen
      .filter((o) => o.marker && !this.ownedHere(o))
      .map((o) => `${descriptorOf(o.kind).title} ${tsString(o.displayName)} belongs to stack ${tsString(o.marker?.stack ?? '')}: plan reports a conflict while that stack owns it`);
    for (const d of DESCRIPTORS) {
      if (!d.priorityClass) continue;
      const members = this.state.objects.filter((o) => o.kind === d.kind && !o.builtIn).sort(byPriority);
      const last = members.findLastIndex((m) => inStack.has(m));
      for (const m of members.slice(0, Math.max(last, 0)).filter((x) => !inStack.has(x))) {
        notes.push(`${d.title} ${tsString(m.displayName)} (priority ${m.priority ?? '?'}) stays outside the stack but ranks above imported ones; it stays there, as the stack never moves what it does not own`);
      }
    }
    return notes;
  }
}

/**
 * TypeScript source of an enrollkit app that declares what the tenant has: one construct per
 * object (tenant defaults never), with its display name, description, every property and every
 * assignment, groups referenced by display name, and prioritised objects declared in their current
 * order. Synthesizing it and planning with `--adopt` against the same tenant adopts each object
 * with no property, assignment or priority change. Objects the construct API cannot declare as
 * they are become `// not imported:` comments and are listed with the reason. Same state, same bytes.
 *
 * Throws a `UsageError` for a stack name a manifest rejects, and when `include` is `unowned` but
 * the stack already owns objects in the tenant (planning the code would delete them).
 */
export function generateStackCode(state: ActualState, options: GenerateStackCodeOptions): StackCode {
  if (!ManifestSchema.shape.stack.safeParse(options.stack).success) {
    throw new UsageError(`the stack name ${JSON.stringify(options.stack)} is not valid. Fix: use letters, digits, ".", "_" or "-", starting with a letter or digit`);
  }
  const owned = state.objects.filter((o) => !o.builtIn && o.marker?.stack === options.stack);
  if (options.include === 'unowned' && owned.length > 0) {
    throw new UsageError(
      `stack ${JSON.stringify(options.stack)} already owns ${owned.length} object${owned.length === 1 ? '' : 's'} in the tenant (${owned.map((o) => JSON.stringify(o.displayName)).join(', ')}); code without them would plan their deletion. Fix: include the owned objects too (--all), or choose another stack name (--stack)`,
    );
  }
  return new StackCodeWriter(state, options).write();
}
