import { existsSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Command } from 'commander';
import { exportObjectFile, findExportable } from '../../engine';
import { UsageError } from '../../model';
import { addBackendOptions, backendFlags } from '../backend-options';
import { addSynthOptions, loadManifests, manifestOptions } from '../load-manifests';
import { openBackend } from '../open-backend';
import type { CommandFactory } from '../program';

/**
 * `enrollkit export-profile`: write the enrollment profile file of an applied Apple Configurator
 * profile (Graph's `exportMobileConfig`) for direct enrollment.
 */
export const exportProfileCommand: CommandFactory = (io) =>
  addSynthOptions(addBackendOptions(new Command('export-profile')))
    .requiredOption('--profile <name>', 'the profile: its construct path (stack/Id), logical ID or display name')
    .requiredOption('--out <file>', 'the file to write, e.g. warehouse.mobileconfig')
    .option('--stack <name>', 'the stack that declares the profile')
    .option('--force', 'overwrite the file when it exists')
    .action(async (options: Record<string, unknown>) => {
      const name = String(options.profile);
      const out = resolve(io.cwd, String(options.out));
      if (existsSync(out) && options.force !== true) throw new UsageError(`${out} exists already. Fix: choose another --out, or pass --force to overwrite it`);
      const manifests = await loadManifests(io, manifestOptions(options));
      const declaring = manifests.filter((m) => m.resources.some((r) => r.path === name || r.logicalId === name || r.displayName === name));
      const candidates = declaring.length === 0 && manifests.length === 1 ? manifests : declaring;
      if (candidates.length !== 1) {
        throw new UsageError(`${candidates.length === 0 ? 'no stack declares' : 'several stacks declare'} a profile '${name}' (stacks: ${manifests.map((m) => m.stack).join(', ')}). Fix: name its stack with --stack, or the profile by its construct path`);
      }
      const manifest = candidates[0]!;
      const resource = findExportable(manifest, name);
      const backend = await openBackend(io, backendFlags(options));
      try {
        const file = await exportObjectFile(backend, manifest, resource);
        writeFileSync(out, file.content);
        const hint = extname(out) === file.extension ? '' : ` (Apple Configurator expects the ${file.extension} extension)`;
        io.stdout(`Wrote ${out}${hint}: the ${file.title} of ${resource.path} ("${resource.displayName}"), ${file.content.length} bytes.\n`);
        io.stderr('Add it to Apple Configurator (Actions > Add > Profiles) and install it on the USB-connected devices; Intune says an exported profile is valid for two weeks.\n');
      } finally {
        await backend.close();
      }
    });
