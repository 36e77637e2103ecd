import { Construct } from 'constructs';
import { synthesizeManifests } from './synthesize-manifests';
import { writeManifests } from './manifest-files';

/** Properties of an enrollkit app. */
export interface AppProps {
  /**
   * The directory the manifests are written to.
   * @default - `CDKTF_OUTDIR` when set (as `enrollkit synth` sets it), otherwise `cdktf.out`
   */
  readonly outdir?: string;
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
