import { Construct } from 'constructs';
import { UsageError } from '../model';
import { synthesizeManifests } from './synthesize-manifests';
import { writeManifests } from './manifest-files';

/** Properties of an enrollkit app. */
export interface AppProps {
  /**
   * The directory the manifests are written to.
   * @default - `CDKTF_OUTDIR` when set (as `enrollkit synth` sets it), otherwise `cdktf.out`
   */
  readonly outdir?: string;
  /**
   * Context values, read with `node.tryGetContext(key)`. Values of `CDKTF_CONTEXT_JSON` (the
   * `context` of `cdktf.json`, which `enrollkit synth` passes) take precedence.
   * @default - none besides those of `CDKTF_CONTEXT_JSON`
   */
  readonly context?: Readonly<Record<string, unknown>>;
}

/** The context of `CDKTF_CONTEXT_JSON`, as cdktf passes it to apps. */
function environmentContext(): Record<string, unknown> {
  const json = process.env.CDKTF_CONTEXT_JSON;
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new UsageError(`CDKTF_CONTEXT_JSON is not valid JSON (got ${JSON.stringify(json)}). Fix: set it to a JSON object, or unset it`);
  }
}

/**
 * The root of an enrollkit app without Terraform: holds one or more `EnrollmentStack`s and writes
 * their manifests. To declare Entra groups with the azuread provider, use the `App` of
 * `enrollkit/cdktf` instead.
 */
export class App extends Construct {
  /** The directory the manifests are written to. */
  readonly outdir: string;

  constructor(props: AppProps = {}) {
    super(undefined as unknown as Construct, '');
    this.outdir = props.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
    for (const [key, value] of Object.entries({ ...props.context, ...environmentContext() })) this.node.setContext(key, value);
  }

  /**
   * Validates every stack and writes one manifest per stack to
   * `<outdir>/stacks/<stack>/enrollkit.manifest.json`. Throws a `ValidationError` listing every
   * problem of the app, and writes nothing, when there is one. Returns the files written.
   */
  synth(): string[] {
    return writeManifests(synthesizeManifests(this), this.outdir);
  }
}
