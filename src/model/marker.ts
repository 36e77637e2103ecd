/** Where an owned object came from: its stack and its logical ID, and a digest of what apply wrote. */
export interface OwnershipMarker {
  /** Name of the stack that owns the object. */
  readonly stack: string;
  /** Logical ID of the construct, derived from its path in the stack. */
  readonly logicalId: string;
  /**
   * A digest of the object as the last apply wrote it (names, description, properties,
   * assignments), so that drift can tell an edit in the tenant from a change in the code. Absent
   * on objects written before it was recorded.
   */
  readonly digest?: string;
}

const MARKER_LINE = /^\[enrollkit stack=([^\s\]]+) id=([^\s\]]+)(?: digest=([0-9a-f]+))?\]$/;

/** Appends the ownership marker as the last line of a description. */
export function withMarker(description: string | undefined, marker: OwnershipMarker): string {
  const digest = marker.digest ? ` digest=${marker.digest}` : '';
  const line = `[enrollkit stack=${encodeURIComponent(marker.stack)} id=${encodeURIComponent(marker.logicalId)}${digest}]`;
  return description ? `${description}\n${line}` : line;
}

/** Splits a description into the user's text and the ownership marker, if there is one. */
export function parseMarker(description: string | null | undefined): { text: string; marker?: OwnershipMarker } {
  if (!description) return { text: '' };
  const lines = description.split('\n');
  const last = lines[lines.length - 1] ?? '';
  const match = MARKER_LINE.exec(last.trim());
  if (!match) return { text: description };
  return {
    text: lines.slice(0, -1).join('\n'),
    marker: { stack: decodeURIComponent(match[1] ?? ''), logicalId: decodeURIComponent(match[2] ?? ''), ...(match[3] ? { digest: match[3] } : {}) },
  };
}
