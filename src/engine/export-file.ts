import { BackendError, descriptorOf, UsageError, type Manifest, type Resource } from '../model';
import type { Backend } from './backend';
import { isSuccess, responseError } from './graph-errors';
import { readState } from './read-state';

/** A file a Graph function exported for one object of a stack. */
export interface ExportedFile {
  /** The object's resource in the stack. */
  readonly resource: Resource;
  /** What the file is. */
  readonly title: string;
  /** The file name extension the file takes (`.mobileconfig`). */
  readonly extension: string;
  /** The file's bytes. */
  readonly content: Buffer;
}

/**
 * The resource of a stack a user names: by construct path (`stack/Id`), logical ID or display
 * name; a usage error listing the exportable ones when none or several match.
 */
export function findExportable(manifest: Manifest, name: string): Resource {
  const exportable = manifest.resources.filter((r) => descriptorOf(r.kind).fileExport !== undefined);
  const matches = exportable.filter((r) => r.path === name || r.logicalId === name || r.displayName === name);
  const listed = exportable.map((r) => `${r.path} ("${r.displayName}")`).join(', ') || 'none';
  if (matches.length === 1) return matches[0]!;
  const other = manifest.resources.find((r) => r.path === name || r.logicalId === name || r.displayName === name);
  if (other) {
    throw new UsageError(`'${name}' in stack '${manifest.stack}' is a ${descriptorOf(other.kind).title}, which has no file to export. Fix: name one of the stack's exportable profiles: ${listed}`);
  }
  if (matches.length > 1) throw new UsageError(`'${name}' names ${matches.length} profiles of stack '${manifest.stack}'. Fix: name one by its construct path: ${matches.map((r) => r.path).join(', ')}`);
  throw new UsageError(`stack '${manifest.stack}' has no profile '${name}'. Fix: name it by construct path, logical ID or display name; exportable: ${listed}`);
}

/** The text of a function's `{"value": String}`: a plist as it is, or base64 of one (the reference server's form). */
function decodeValue(value: string): Buffer {
  const trimmed = value.trimStart();
  return trimmed.startsWith('<') ? Buffer.from(value, 'utf8') : Buffer.from(value, 'base64');
}

/**
 * Calls the export function of a stack's object in the tenant (`exportMobileConfig` of an Apple
 * Configurator profile) and returns the file. The object must have been applied: it is found by
 * the ownership marker of its stack and logical ID.
 */
export async function exportObjectFile(backend: Backend, manifest: Manifest, resource: Resource): Promise<ExportedFile> {
  const d = descriptorOf(resource.kind);
  const fileExport = d.fileExport;
  if (!fileExport) throw new UsageError(`${resource.path} is a ${d.title}, which has no file to export.`);
  const problem = fileExport.problem(d.normalize(resource.spec));
  if (problem) throw new UsageError(`${resource.path} ("${resource.displayName}") has no ${fileExport.title}: ${problem}.`);
  const state = await readState(backend, []);
  const object = state.objects.find((o) => o.kind === resource.kind && o.marker?.stack === manifest.stack && o.marker.logicalId === resource.logicalId);
  if (!object) {
    throw new UsageError(`${resource.path} ("${resource.displayName}") is not in the tenant yet, so there is nothing to export. Fix: run enrollkit apply --stack ${manifest.stack} first`);
  }
  const request = d.graph.functionRequest(fileExport.function, object.id, object.parentId);
  const [response] = await backend.send([request]);
  if (!response || !isSuccess(response)) throw responseError(request, response ?? { status: 0, body: undefined });
  const value = (response.body as { value?: unknown } | undefined)?.value;
  if (typeof value !== 'string' || value === '') {
    throw new BackendError(`${fileExport.function} of ${resource.path} answered without a file (no "value" string); the backend does not export ${fileExport.title}s.`);
  }
  return { resource, title: fileExport.title, extension: fileExport.extension, content: decodeValue(value) };
}
