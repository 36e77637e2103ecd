import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { descriptorsOf, DESCRIPTORS, inDependencyOrder, KIND_NAMES, KindNameSchema, KINDS, type KindDescriptor, type KindName } from '../../src/model';

const kindList = readFileSync(join(__dirname, '../../src/model/kinds/kind-list.ts'), 'utf8');

/** A copy of a kind's descriptor under another name, depending on other kinds. */
const variant = (kind: string, dependsOn: readonly string[]): KindDescriptor => ({ ...KINDS.webClip, kind: kind as KindName, dependsOn: dependsOn as KindName[] }) as KindDescriptor;

describe('the kind registry', () => {
  it('holds one kind for each line of the kind list, under the name its descriptor gives', () => {
    const lines = kindList.split('\n').filter((line) => line.startsWith('export * from '));
    expect(KIND_NAMES).toHaveLength(lines.length);
    for (const kind of KIND_NAMES) expect(KINDS[kind].kind).toBe(kind);
  });

  it('takes the descriptors from the exports of the kind list and refuses one exported under another name', () => {
    expect(descriptorsOf({ webClip: KINDS.webClip, WebClipSpecSchema: KINDS.webClip.specSchema, MOBILE_APPS: { collection: '/x' } })).toEqual([KINDS.webClip]);
    expect(() => descriptorsOf({ clip: KINDS.webClip })).toThrow("the kind list exports the descriptor of kind 'webClip' as 'clip'; export it under its kind's name.");
  });

  it('puts every kind after the kinds it depends on', () => {
    for (const d of DESCRIPTORS) {
      for (const dependency of d.dependsOn) expect(KIND_NAMES.indexOf(dependency)).toBeLessThan(KIND_NAMES.indexOf(d.kind));
    }
    expect(KIND_NAMES.indexOf('enrollmentTypeProfile')).toBeGreaterThan(KIND_NAMES.indexOf('ssoExtensionPolicy'));
    expect(KIND_NAMES.indexOf('configuratorProfile')).toBeGreaterThan(KIND_NAMES.indexOf('configuratorDevice'));
  });

  it('orders kinds from their descriptors alone, whatever order they are listed in', () => {
    expect(inDependencyOrder([...DESCRIPTORS].reverse()).map((d) => d.kind)).toEqual(KIND_NAMES);
    expect(inDependencyOrder([variant('c', ['a']), variant('b', []), variant('a', ['b'])]).map((d) => d.kind)).toEqual(['b', 'a', 'c']);
    expect(inDependencyOrder([variant('z', []), variant('y', []), variant('x', ['z'])]).map((d) => d.kind)).toEqual(['y', 'z', 'x']);
  });

  it('refuses kinds that depend on each other in a cycle, naming them and their dependencies', () => {
    expect(() => inDependencyOrder([variant('a', ['b']), variant('b', ['a']), variant('c', [])])).toThrow(/the kinds a \(depends on b\); b \(depends on a\) depend on each other in a cycle .*fix their dependsOn/);
  });
});

describe('a kind name in a plan', () => {
  it("accepts this version's kinds and refuses any other, naming the kinds it knows", () => {
    for (const kind of KIND_NAMES) expect(KindNameSchema.parse(kind)).toBe(kind);
    const refused = KindNameSchema.safeParse('macOsProfile');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(`unknown kind "macOsProfile": this version manages ${KIND_NAMES.join(', ')}`);
  });

  it('is published as a string, so a copy of the schema accepts the kinds later versions add', () => {
    expect(z.toJSONSchema(KindNameSchema)).toEqual({ $schema: expect.any(String), type: 'string', description: 'the kind (docs/kinds.md lists them)' });
  });
});
