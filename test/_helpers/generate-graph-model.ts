import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DeclaredProperty, documentedDefault, documentedReadOnly, documentedSelectOnly, graphModel, type GraphModel } from './graph-metadata';

/** Complex types whose values the server validates from the metadata (with every type they reach). */
const COMPLEX_ROOTS = [
  'mimeContent',
  'airPrintDestination',
  'iosWebContentFilterBase',
  'iosHomeScreenItem',
  'iosHomeScreenPage',
  'iosNotificationSettings',
  'iosSingleSignOnSettings',
  'deviceManagementApplicabilityRuleOsEdition',
  'deviceManagementApplicabilityRuleOsVersion',
  'deviceManagementApplicabilityRuleDeviceMode',
  'singleSignOnExtension',
  'mobileAppAssignmentSettings',
  'iosVppAppRevokeLicensesActionResult',
  'vppTokenActionResult',
];
/** Enums of entity properties the server declares by hand. */
const ENUM_ROOTS = ['appleDeviceDeliveryProtocol', 'mobileAppPublishingState', 'vppTokenState', 'vppTokenSyncStatus'];
/** Entity types the server stores from the metadata (every declared property, checked at every depth), with what the docs say of each property. */
const DESCRIBED_ENTITY_ROOTS = ['group', 'user'];
/** Entity types whose declared property names the server returns in full. */
const ENTITY_ROOTS = ['managedDevice', 'organization', 'deviceManagement'];

/** The description of the metadata the server reads: compact, sorted, stable. */
export function graphModelModule(model: GraphModel): string {
  const complex = new Map<string, unknown>();
  const enums = new Map<string, readonly string[]>(ENUM_ROOTS.map((name) => [name, model.enums.get(name) ?? []]));
  const pending = [...COMPLEX_ROOTS];
  const describe = (p: DeclaredProperty): unknown[] => {
    if (p.type.kind === 'complex') pending.push(p.type.name);
    if (p.type.kind === 'enum') enums.set(p.type.name, model.enums.get(p.type.name) ?? []);
    const typeName = p.type.kind === 'complex' || p.type.kind === 'enum' || p.type.kind === 'entity' ? p.type.name : null;
    return [p.name, p.type.kind, typeName, p.collection];
  };
  const entityTypes = Object.fromEntries(
    DESCRIBED_ENTITY_ROOTS.map((name) => {
      const properties = model.properties(name);
      const named = (test: (p: DeclaredProperty) => boolean) => properties.filter(test).map((p) => p.name);
      return [name, { properties: properties.map(describe), readOnly: named(documentedReadOnly), selectOnly: named(documentedSelectOnly), returnedByDefault: named(documentedDefault) }];
    }),
  );
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    if (complex.has(name)) continue;
    const type = model.types.get(name);
    if (!type) throw new Error(`the metadata has no type '${name}'`);
    const properties = model.properties(name).map(describe);
    const derived = model.derived(name);
    pending.push(...derived);
    complex.set(name, { properties, derived });
  }
  const entities = Object.fromEntries(ENTITY_ROOTS.map((name) => [name, model.properties(name).map((p) => [p.name, p.collection])]));
  const sorted = <T>(map: Map<string, T>) => Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
  return [
    '// Generated from the `@microsoft/msgraph-beta-sdk` models by test/_helpers/generate-graph-model.ts; do not edit.',
    '// test/server/metadata-conformance.test.ts fails when this file and the metadata disagree.',
    "import type { GraphModelDescription } from './graph-model';",
    '',
    '/** The complex types, enums, entity property lists and entity types of Microsoft\'s beta metadata the server validates against. */',
    `export const GRAPH_MODEL: GraphModelDescription = ${JSON.stringify({ complexTypes: sorted(complex), enums: sorted(enums), entities, entityTypes }, null, 2)};`,
    '',
  ].join('\n');
}

/** Where the generated description lives. */
export const GENERATED_FILE = join(__dirname, '../../src/server/wire/graph-model.generated.ts');

if (require.main === module) writeFileSync(GENERATED_FILE, graphModelModule(graphModel()));
