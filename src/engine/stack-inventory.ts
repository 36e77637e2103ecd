import { createHash } from 'node:crypto';
import { parseMarker, type KindName } from '../model';
import type { ApplyResult } from './apply-plan';
import type { Backend } from './backend';
import { isSuccess, graphErrorMessage } from './graph-errors';
import type { Plan, ResourceChange } from './plan-types';
import { deleteWebLink, readWebLinks, recordFields, recordLine, writeWebLinkRequest, type WebLinkItem } from './web-link-records';

/**
 * What a stack owned in the tenant when its last apply ended, kept in the tenant so that `drift`
 * can tell an owned object deleted there from one the code added since.
 */
export interface StackInventory {
  /** Graph ID of the web link that holds it. */
  readonly id: string;
  /** One entry per owned object ({@link inventoryEntry}). */
  readonly entries: ReadonlySet<string>;
}

/** Characters of an entry: 48 bits of a SHA-256, in base64url. */
const ENTRY_LENGTH = 8;

/** An owned object's entry in the inventory: a short hash of its kind and logical ID. */
export function inventoryEntry(kind: KindName, logicalId: string): string {
  return createHash('sha256').update(`${kind}\n${logicalId}`).digest('base64url').slice(0, ENTRY_LENGTH);
}

function displayName(stack: string): string {
  return `enrollkit inventory: ${stack}`;
}

function what(stack: string): string {
  return `the inventory of stack '${stack}'`;
}

function parseInventory(item: WebLinkItem): StackInventory | undefined {
  const fields = recordFields(item, 'inventory');
  const objects = fields?.get('objects');
  if (objects === undefined) return undefined;
  return { id: String(item.id), entries: new Set(objects.split('.').filter(Boolean)) };
}

/** The inventory's web links, newest first (a write whose answer was lost may have left two). */
async function readInventories(backend: Backend, stack: string): Promise<StackInventory[]> {
  const items = await readWebLinks(backend, displayName(stack), what(stack));
  const modified = (item: WebLinkItem) => String(item.lastModifiedDateTime ?? item.createdDateTime ?? '');
  return items
    .sort((x, y) => modified(y).localeCompare(modified(x)))
    .flatMap((item) => parseInventory(item) ?? []);
}

/** The stack's inventory, or undefined when no apply recorded one. */
export async function readStackInventory(backend: Backend, stack: string): Promise<StackInventory | undefined> {
  return (await readInventories(backend, stack))[0];
}

/** True when the object of this change carries the stack's marker once the apply has ended. */
function ownedAfter(change: ResourceChange, plan: Plan, done: ReadonlySet<string>): boolean {
  if (change.referenced || change.action === 'conflict') return false;
  const stepsOn = (operation: string) => plan.steps.filter((s) => s.operation === operation && s.object !== undefined && 'id' in s.object && s.object.id === change.id);
  const created = plan.steps.some(
    (s) => s.operation === 'create' && s.kind === change.kind && done.has(s.id) && parseMarker((s.body as { description?: string } | undefined)?.description).marker?.logicalId === change.logicalId,
  );
  if (created) return true;
  if (change.id === undefined) return false;
  if (change.action === 'adopt') return stepsOn('update').some((s) => done.has(s.id));
  return !stepsOn('delete').some((s) => done.has(s.id));
}

/** The inventory entries of what the stack owns once `result` (the apply of `plan`) has ended, done or not. */
export function ownedAfterApply(plan: Plan, result: ApplyResult): string[] {
  const done = new Set(result.results.filter((r) => r.status === 'done').map((r) => r.step.id));
  const entries = plan.changes.filter((c) => ownedAfter(c, plan, done)).map((c) => inventoryEntry(c.kind, c.logicalId));
  return [...new Set(entries)].sort();
}

/**
 * Records in the tenant what the stack owns after an apply (a web link named
 * `enrollkit inventory: <stack>`, beside its lock); deletes it when the stack owns nothing any more.
 * Costs one read and, when the inventory changed, one write. Returns an error message when the
 * record could not be written (the apply itself stands), undefined when it was.
 */
export async function recordStackInventory(backend: Backend, plan: Plan, result: ApplyResult): Promise<string | undefined> {
  const entries = ownedAfterApply(plan, result);
  try {
    const [current, ...extras] = await readInventories(backend, plan.stack);
    for (const extra of extras) await deleteWebLink(backend, extra.id, what(plan.stack));
    if (entries.length === 0) {
      if (current) await deleteWebLink(backend, current.id, what(plan.stack));
      return undefined;
    }
    if (current && current.entries.size === entries.length && entries.every((e) => current.entries.has(e))) return undefined;
    const description =
      `What enrollkit stack ${plan.stack} owns in this tenant, recorded by its last apply, so that 'enrollkit drift' can tell objects deleted here from objects new in the code. ` +
      `Deleting it only makes drift blind to deletions until the next apply.\n${recordLine('inventory', { stack: plan.stack, objects: entries.join('.') })}`;
    const [answer] = await backend.send([writeWebLinkRequest(displayName(plan.stack), description, current?.id)]);
    if (!answer || !isSuccess(answer)) return `${answer?.status ?? 'no answer'} ${graphErrorMessage(answer?.body)}`;
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
