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

/** What the steps done wrote: objects created (by kind and the logical ID of their marker), and the Graph IDs updated and deleted. */
interface Written {
  readonly created: ReadonlySet<string>;
  readonly updated: ReadonlySet<string>;
  readonly deleted: ReadonlySet<string>;
}

function writtenBy(plan: Plan, done: ReadonlySet<string>): Written {
  const written = { created: new Set<string>(), updated: new Set<string>(), deleted: new Set<string>() };
  for (const s of plan.steps) {
    if (!done.has(s.id)) continue;
    const logicalId = s.operation === 'create' ? parseMarker((s.body as { description?: string } | undefined)?.description).marker?.logicalId : undefined;
    if (logicalId !== undefined) written.created.add(`${s.kind}\n${logicalId}`);
    const id = s.object && 'id' in s.object ? s.object.id : undefined;
    if (id !== undefined && s.operation === 'update') written.updated.add(id);
    if (id !== undefined && s.operation === 'delete') written.deleted.add(id);
  }
  return written;
}

/** True when the object of this change carries the stack's marker once the apply has ended. */
function ownedAfter(change: ResourceChange, written: Written): boolean {
  if (change.referenced || change.action === 'conflict') return false;
  if (written.created.has(`${change.kind}\n${change.logicalId}`)) return true;
  if (change.id === undefined) return false;
  if (change.action === 'adopt') return written.updated.has(change.id);
  return !written.deleted.has(change.id);
}

/** The inventory entries of what the stack owns once `result` (the apply of `plan`) has ended, done or not. */
export function ownedAfterApply(plan: Plan, result: ApplyResult): string[] {
  const written = writtenBy(plan, new Set(result.results.filter((r) => r.status === 'done').map((r) => r.step.id)));
  const entries = plan.changes.filter((c) => ownedAfter(c, written)).map((c) => inventoryEntry(c.kind, c.logicalId));
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
