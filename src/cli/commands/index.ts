import type { LazyCommand } from '../program';

/**
 * Every sub-command of `enrollkit`, in the order `--help` lists them. Each implementation (and
 * what it imports: the engine, the backends, the server) loads only when its command runs or
 * shows its own help, so `enrollkit --help` and light commands start fast.
 */
export const COMMANDS: readonly LazyCommand[] = [
  {
    name: 'synth',
    usage: '[options]',
    description: 'run the app (cdktf.json "app") and write one manifest per stack, beside cdktf\'s Terraform JSON',
    load: async () => (await import('./synth.js')).synthCommand,
  },
  { name: 'plan', usage: '[options]', description: 'show what apply would change in the tenant', load: async () => (await import('./plan.js')).planCommand },
  {
    name: 'apply',
    usage: '[options] [plan]',
    description: 'make the tenant match the stack (or apply a plan saved with plan --out)',
    load: async () => (await import('./apply.js')).applyCommand,
  },
  {
    name: 'destroy',
    usage: '[options]',
    description: 'delete every object the stack owns (objects it does not own are never touched)',
    load: async () => (await import('./destroy.js')).destroyCommand,
  },
  {
    name: 'drift',
    usage: '[options]',
    description: 'report changes made in the tenant outside the code (exit 2 when there are any, 0 when none)',
    load: async () => (await import('./drift.js')).driftCommand,
  },
  {
    name: 'github',
    usage: '[options] <command>',
    description: 'run plan, apply or drift as a GitHub Actions step: one comment per stack on the pull request, the job summary, apply on merge',
    load: async () => (await import('./github.js')).githubCommand,
  },
  {
    name: 'unlock',
    usage: '[options]',
    description: 'break the lock of a stack in the tenant, left by an apply or destroy that died',
    load: async () => (await import('./unlock.js')).unlockCommand,
  },
  {
    name: 'import',
    usage: '[options]',
    description: 'write construct code for what the tenant has, to bring it under management with plan/apply --adopt',
    load: async () => (await import('./import.js')).importCommand,
  },
  {
    name: 'lint',
    usage: '[options]',
    description: 'check the enrollment rules (EK001-EK018) on the desired state; exits 1 on unsuppressed errors',
    load: async () => (await import('./lint.js')).lintCommand,
  },
  {
    name: 'simulate',
    usage: '[options]',
    description: 'show step by step what happens when a user enrolls an iPhone or iPad, or sets up an organization-owned one (--serial, --device-kind)',
    load: async () => (await import('./simulate.js')).simulateCommand,
  },
  {
    name: 'export-profile',
    usage: '[options]',
    description: "write an applied Apple Configurator profile's .mobileconfig file (exportMobileConfig) for direct enrollment",
    load: async () => (await import('./export-profile.js')).exportProfileCommand,
  },
  {
    name: 'discovery',
    usage: '[options]',
    description: 'print the service discovery JSON to publish at https://<sign-in domain>/.well-known/com.apple.remotemanagement',
    load: async () => (await import('./discovery.js')).discoveryCommand,
  },
  {
    name: 'serve',
    usage: '[options]',
    description: 'run the reference MDM server: a local Microsoft Graph for Intune iOS/iPadOS enrollment',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'schema',
    usage: '[options]',
    description: 'print the JSON Schema of the --format json output (docs/output.schema.json)',
    load: async () => (await import('./schema.js')).schemaCommand,
  },
];
