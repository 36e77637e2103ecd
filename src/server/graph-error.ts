/** Identifiers echoed in every error body, as Graph does. */
export interface ErrorContext {
  /** The `request-id` response header. */
  readonly requestId: string;
  /** The `client-request-id` response header (the caller's, when sent). */
  readonly clientRequestId: string;
  /** When the error was answered (`innerError.date`). */
  readonly date: Date;
  /** Request URL, quoted by Intune-style messages. */
  readonly url: string;
}

/** Options of a {@link GraphError}. */
export interface GraphErrorOptions {
  /** Extra response headers, e.g. `Retry-After` or `Allow`. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The error comes from an Intune service rather than the Graph gateway: Intune serialises a
   * JSON document (`_version: 3`) into `error.message`.
   */
  readonly intune?: boolean;
  /** The message is repeated in `innerError.message`, as Intune does for model validation failures. */
  readonly innerMessage?: boolean;
}

/** An error answered in Microsoft Graph's shape: `{"error":{"code","message","innerError"}}`. */
export class GraphError extends Error {
  /** HTTP status of the response. */
  readonly status: number;
  /** `error.code`, e.g. `BadRequest`, `ResourceNotFound`. */
  readonly code: string;
  /** Extra response headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** Whether `error.message` is rendered the way Intune does. */
  readonly intune: boolean;
  /** Whether `innerError.message` repeats the message. */
  readonly innerMessage: boolean;

  constructor(status: number, code: string, message: string, options: GraphErrorOptions = {}) {
    super(message);
    this.name = 'GraphError';
    this.status = status;
    this.code = code;
    this.headers = options.headers ?? {};
    this.intune = options.intune ?? false;
    this.innerMessage = options.innerMessage ?? false;
  }

  /** The JSON body Graph sends for this error. */
  toBody(context: ErrorContext): { error: { code: string; message: string; innerError: Record<string, string> } } {
    return {
      error: {
        code: this.code,
        message: this.intune ? intuneMessage(this.message, context) : this.message,
        innerError: {
          date: context.date.toISOString().slice(0, 19),
          'request-id': context.requestId,
          'client-request-id': context.clientRequestId,
          ...(this.innerMessage ? { message: this.message } : {}),
        },
      },
    };
  }
}

function intuneMessage(message: string, context: ErrorContext): string {
  const document = {
    _version: 3,
    Message: `${message} - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: ${context.requestId} - Url: ${context.url}`,
    CustomApiErrorPhrase: '',
    RetryAfter: null,
    ErrorSourceService: '',
    HttpHeaders: '{}',
  };
  return JSON.stringify(document, null, 2).replace(/\n/g, '\r\n');
}

/** 400 `BadRequest` from the Graph gateway (request syntax, OData payload). */
export function badRequest(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message);
}

/**
 * 400 `ModelValidationFailure`: Intune's answer to a body its model refuses (an unknown property,
 * enum member, `@odata.type` or a value of the wrong type, at any depth), the message repeated in
 * `innerError.message`.
 */
export function modelValidationFailure(message: string): GraphError {
  return new GraphError(400, 'ModelValidationFailure', message, { innerMessage: true });
}

/** 400 `BadRequest` from an Intune service (a rule of the service was broken). */
export function intuneBadRequest(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message, { intune: true });
}

/** 400 Intune answers to a PATCH that would leave the object as it is. */
export function intuneUnchangedPatch(): GraphError {
  return intuneBadRequest('Invalid patch, at least 1 property must be changed.');
}

/** 404 for an Intune object that does not exist. */
export function intuneNotFound(entitySet: string, id: string): GraphError {
  return new GraphError(404, 'ResourceNotFound', `Resource not found: '${id}' in '${entitySet}'.`, { intune: true });
}

/** 404 for a directory object that does not exist, in Entra ID's words. */
export function directoryNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** 404 for a path no resource answers. */
export function segmentNotFound(segment: string): GraphError {
  return new GraphError(404, 'ResourceNotFound', `Resource not found for the segment '${segment}'.`);
}
