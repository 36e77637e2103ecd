import { createHash } from 'node:crypto';
import { bareProfileId } from '../model';

/** How long Intune says an exported enrollment profile stays valid (Apple Configurator enrollment docs). */
const VALID_FOR_MS = 14 * 24 * 60 * 60 * 1000;

const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '&': '&amp;', '>': '&gt;' };
const escapeXml = (text: string): string => text.replace(/[<&>]/g, (ch) => ENTITIES[ch] ?? ch);

/** A stable UUID derived from a seed (the same profile exports the same payload UUIDs). */
function uuidOf(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** What an exported profile names. */
export interface MobileConfigSource {
  /** The profile's composite ID. */
  readonly profileId: string;
  /** The profile's display name. */
  readonly displayName: string;
  /** The profile's enrollment URL (`configurationEndpointUrl`). */
  readonly serverUrl: string;
  /** When it is exported. */
  readonly now: Date;
}

/**
 * The .mobileconfig `exportMobileConfig` answers for an enrollment profile, as a plist: a
 * configuration profile with one MDM payload pointing at the profile's enrollment URL, expiring
 * two weeks after the export. The reference server's own plausible body: Graph documents only
 * `{"value": String}`.
 */
export function mobileConfigOf(source: MobileConfigSource): string {
  const guid = bareProfileId(source.profileId);
  const url = escapeXml(source.serverUrl);
  const expires = new Date(source.now.getTime() + VALID_FOR_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '<key>PayloadContent</key>',
    '<array>',
    '<dict>',
    '<key>AccessRights</key><integer>8191</integer>',
    `<key>CheckInURL</key><string>${url}</string>`,
    '<key>CheckOutWhenRemoved</key><true/>',
    `<key>PayloadIdentifier</key><string>com.microsoft.intune.mdm.${guid}</string>`,
    '<key>PayloadType</key><string>com.apple.mdm</string>',
    `<key>PayloadUUID</key><string>${uuidOf(`mdm:${source.profileId}`)}</string>`,
    '<key>PayloadVersion</key><integer>1</integer>',
    `<key>ServerURL</key><string>${url}</string>`,
    '<key>SignMessage</key><true/>',
    '<key>Topic</key><string>com.apple.mgmt.External.enrollkit-reference</string>',
    '</dict>',
    '</array>',
    `<key>PayloadDisplayName</key><string>${escapeXml(source.displayName)}</string>`,
    `<key>PayloadExpirationDate</key><date>${expires}</date>`,
    `<key>PayloadIdentifier</key><string>com.microsoft.intune.${guid}</string>`,
    '<key>PayloadOrganization</key><string>Microsoft Intune</string>',
    '<key>PayloadType</key><string>Configuration</string>',
    `<key>PayloadUUID</key><string>${uuidOf(`profile:${source.profileId}`)}</string>`,
    '<key>PayloadVersion</key><integer>1</integer>',
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}
