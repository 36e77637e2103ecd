import type { KindName } from '../../model';

/** What `generateStackCode` writes code for. */
export interface GenerateStackCodeOptions {
  /** The name of the stack the generated app declares: letters, digits, `.`, `_`, `-`. */
  readonly stack: string;
  /**
   * `unowned`: the objects no stack owns (no ownership marker); `all`: owned ones too, those of
   * `stack` keeping their logical IDs.
   */
  readonly include: 'unowned' | 'all';
  /**
   * `kind`: each object with its kind's own construct (`WebClip`, `EnrollmentTypeProfile`, ...);
   * `generic`: each owned object with `IntuneObject`, by its kind and spec as the manifest carries
   * it (objects a stack references, such as VPP apps, keep their kind's construct).
   * @default 'kind'
   */
  readonly constructs?: 'kind' | 'generic';
}

/** One tenant object the generated code declares. */
export interface ImportedObject {
  /** The object's kind. */
  readonly kind: KindName;
  /** Its Graph ID. */
  readonly id: string;
  /** Its display name. */
  readonly displayName: string;
  /** The id of its construct in the stack. */
  readonly constructId: string;
  /** True for a VPP app, which the stack references rather than owns. */
  readonly referenced: boolean;
}

/** One tenant object the generated code leaves out, and why. */
export interface SkippedObject {
  /** The object's kind. */
  readonly kind: KindName;
  /** Its Graph ID. */
  readonly id: string;
  /** Its display name. */
  readonly displayName: string;
  /** Why the construct API cannot declare it as it is, and the fix. */
  readonly reason: string;
}

/** The generated app and an account of what went into it. */
export interface StackCode {
  /** TypeScript source of a complete app: imports, one stack, its constructs, `app.synth()`. */
  readonly code: string;
  /** The objects declared, in the order of the code. */
  readonly imported: readonly ImportedObject[];
  /** The objects left out (each also a `// not imported:` comment in the code). */
  readonly skipped: readonly SkippedObject[];
  /** Display names of the Entra groups the code references, sorted. */
  readonly groups: readonly string[];
  /** What plan will do beyond adopting, e.g. priority moves around objects outside the stack. */
  readonly notes: readonly string[];
}
