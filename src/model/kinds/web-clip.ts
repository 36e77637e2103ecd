import { z } from 'zod';
import { appAssignmentsProp, namedProps, newConstructCode, optionalProp, tsString, type Prop } from '../codegen';
import type { GraphEntity, KindDescriptor } from '../descriptor';
import { graphProtocol } from '../graph-protocol';
import { IMPORT_AGAIN } from './import-again';
import { appAssignments, MOBILE_APP_PERMISSIONS, MOBILE_APPS } from './app-assignments';
import { BundleIdSchema } from './sso-extension-policy';
import { isOfType } from './target-only-assignments';

/** An iOS/iPadOS web clip (`iosiPadOSWebClip`): a web link on the home screen. */
export const WebClipSpecSchema = z.strictObject({
  /** The page the clip opens. */
  appUrl: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }),
  /** The publisher Intune shows. */
  publisher: z.string().optional(),
  /** Open the link in Microsoft Edge only. */
  useManagedBrowser: z.boolean(),
  /** Open as a full-screen web app. */
  fullScreenEnabled: z.boolean(),
  /** Show the icon without Apple's shine. */
  preComposedIconEnabled: z.boolean(),
  /** Keep full-screen navigation outside the manifest scope. */
  ignoreManifestScope: z.boolean(),
  /** iOS 14+: the app that opens the link. */
  targetApplicationBundleIdentifier: BundleIdSchema.optional(),
});

/** Spec of a web clip. */
export type WebClipSpec = z.infer<typeof WebClipSpecSchema>;

const ODATA_TYPE = '#microsoft.graph.iosiPadOSWebClip';
const FLAGS = ['useManagedBrowser', 'fullScreenEnabled', 'preComposedIconEnabled', 'ignoreManifestScope'] as const;

/** The canonical form of a URL, so `https://x` and `https://x/` compare equal. */
function canonicalUrl(url: string): string {
  try {
    return new URL(url).toString();
  } catch {
    return url;
  }
}

/** iOS/iPadOS web clips, such as the Company Portal web app. */
export const webClip: KindDescriptor<WebClipSpec> = {
  kind: 'webClip',
  title: 'web clip',
  specSchema: WebClipSpecSchema,
  graph: graphProtocol({ ...MOBILE_APPS, odataType: ODATA_TYPE, listTypes: [ODATA_TYPE] }),
  replaceOn: [],
  isBuiltIn: () => false,
  dependsOn: [],
  permissions: MOBILE_APP_PERMISSIONS,
  matches: (entity) => isOfType(entity, ODATA_TYPE),
  normalize: (spec) => ({
    appUrl: canonicalUrl(spec.appUrl),
    ...(spec.publisher ? { publisher: spec.publisher } : {}),
    useManagedBrowser: spec.useManagedBrowser,
    fullScreenEnabled: spec.fullScreenEnabled,
    preComposedIconEnabled: spec.preComposedIconEnabled,
    ignoreManifestScope: spec.ignoreManifestScope,
    ...(spec.targetApplicationBundleIdentifier ? { targetApplicationBundleIdentifier: spec.targetApplicationBundleIdentifier } : {}),
  }),
  toGraph: (spec) => ({
    '@odata.type': ODATA_TYPE,
    appUrl: spec.appUrl,
    publisher: spec.publisher ?? null,
    ...Object.fromEntries(FLAGS.map((f) => [f, spec[f]])),
    targetApplicationBundleIdentifier: spec.targetApplicationBundleIdentifier ?? null,
  }),
  fromGraph(entity: GraphEntity) {
    const target = entity.targetApplicationBundleIdentifier;
    return webClip.normalize({
      appUrl: String(entity.appUrl ?? ''),
      ...(typeof entity.publisher === 'string' && entity.publisher ? { publisher: entity.publisher } : {}),
      useManagedBrowser: entity.useManagedBrowser === true,
      fullScreenEnabled: entity.fullScreenEnabled === true,
      preComposedIconEnabled: entity.preComposedIconEnabled === true,
      ignoreManifestScope: entity.ignoreManifestScope === true,
      ...(typeof target === 'string' && target ? { targetApplicationBundleIdentifier: target } : {}),
    });
  },
  ...appAssignments<WebClipSpec>(() => null),
  code: {
    className: () => 'WebClip',
    referenced: () => false,
    problem: (o) =>
      o.assignments.some((a) => a.settings !== undefined) ? `an assignment carries app settings, which a web clip cannot declare. Fix: remove them in the tenant, ${IMPORT_AGAIN}` : undefined,
    declare: (o, ctx) =>
      newConstructCode(
        o,
        ctx,
        'WebClip',
        [
          ...namedProps(o),
          ['appUrl', tsString(o.spec.appUrl)],
          ...optionalProp('publisher', o.spec.publisher),
          ...FLAGS.map((flag): Prop => [flag, String(o.spec[flag])]),
          ...optionalProp('targetApplicationBundleIdentifier', o.spec.targetApplicationBundleIdentifier),
          appAssignmentsProp(o, ctx.groups),
        ],
        [],
      ),
  },
};
