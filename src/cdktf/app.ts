import { App as CdktfApp, type AppConfig } from 'cdktf';
import { synthesizeManifests, writeManifests } from '../constructs';

/**
 * A cdktf app that also holds `EnrollmentStack`s. `synth()` validates every enrollkit stack, runs
 * cdktf's own synth (Terraform JSON for the azuread groups, `<outdir>/stacks/<name>/cdk.tf.json`)
 * and writes each enrollkit manifest beside it (`<outdir>/stacks/<stack>/enrollkit.manifest.json`).
 */
export class App extends CdktfApp {
  constructor(config: AppConfig = {}) {
    // Stack traces in the Terraform JSON metadata would tie the output to file paths and line numbers.
    super({ stackTraces: false, ...config });
  }

  /**
   * Synthesizes Terraform JSON and enrollkit manifests to the output directory. Validation runs
   * first: when any stack has a problem, a `ValidationError` lists them all and nothing is written.
   */
  override synth(): void {
    const manifests = synthesizeManifests(this);
    super.synth();
    writeManifests(manifests, this.outdir);
  }
}
