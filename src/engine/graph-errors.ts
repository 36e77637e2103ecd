import { BackendError } from '../model';
import type { GraphRequest, GraphResponse } from './backend';

/** Graph's error text: `error.message`, unwrapping Intune's JSON-in-a-string `Message`. */
export function graphErrorMessage(body: unknown): string {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (!error) return 'no error body';
  let message = typeof error.message === 'string' ? error.message : '';
  try {
    const inner = JSON.parse(message) as { Message?: unknown };
    if (typeof inner.Message === 'string') message = inner.Message;
  } catch {
    // not Intune's wrapped form: the message is plain text
  }
  return `${String(error.code ?? 'Error')}: ${message}`;
}

/** True for a 2xx status. */
export function isSuccess(response: GraphResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

const FIXES: Readonly<Record<number, string>> = {
  401: ' Fix: check the credentials (--token or ENROLLKIT_TOKEN for a reference server, the AZURE_* variables for Graph).',
  403: ' Fix: grant the app the permissions listed in docs/backends.md, or sign in with an account that has them.',
};

/** The error for a failed response, naming the request, Graph's request ID and, where known, the fix. */
export function responseError(request: GraphRequest, response: GraphResponse): BackendError {
  const id = response.requestId ? ` (request-id ${response.requestId})` : '';
  const fix = FIXES[response.status] ?? '';
  return new BackendError(`${request.method} /${request.version}${request.path} failed with ${response.status}: ${graphErrorMessage(response.body)}${id}.${fix}`, {
    status: response.status,
    ...(response.requestId ? { requestId: response.requestId } : {}),
  });
}
