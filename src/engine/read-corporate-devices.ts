import { ADE_TOKENS, adeProfile } from '../model';
import type { CorporateDevice, DeviceEnrollmentManagerDeviceFact, TenantFacts } from '../rules';
import type { Backend } from './backend';
import { getAllPages } from './read-state';

/**
 * The organization-owned devices a tenant knows: every token's device identities (serial numbers
 * synced from Apple Business or School Manager, or imported for Apple Configurator under the
 * pseudo-token of type `none`), read through the ADE profile kind's token lookup and device
 * navigation.
 */
export async function readCorporateDevices(backend: Backend): Promise<CorporateDevice[]> {
  const list = adeProfile.lookups?.[ADE_TOKENS]?.list;
  const devicesOf = adeProfile.parent?.attach?.request;
  if (!list || !devicesOf) return [];
  const [tokens = []] = await getAllPages(backend, [list]);
  const lists = await getAllPages(backend, tokens.map((t) => devicesOf(String(t.id))));
  return tokens.flatMap((token, i) =>
    (lists[i] ?? []).map((device) => ({
      serialNumber: String(device.serialNumber),
      token: String(token.tokenName ?? ''),
      deviceKind: token.tokenType === 'none' ? ('configurator' as const) : ('ade' as const),
    })),
  );
}

/** The managed devices a device enrollment manager account enrolled (for EK022). */
export async function readDeviceEnrollmentManagerDevices(backend: Backend): Promise<DeviceEnrollmentManagerDeviceFact[]> {
  const [devices = []] = await getAllPages(backend, [
    { method: 'GET', version: 'beta', path: `/deviceManagement/managedDevices?$filter=deviceEnrollmentType eq 'deviceEnrollmentManager'&$select=id,deviceName,serialNumber,userPrincipalName` },
  ]);
  return devices.map((d) => ({ serialNumber: String(d.serialNumber ?? ''), deviceName: String(d.deviceName ?? ''), userPrincipalName: String(d.userPrincipalName ?? '') }));
}

/**
 * The corporate-device facts of the rules (EK022): the tenant's organization-owned devices and
 * the devices DEM accounts enrolled. A read the credentials may not make leaves the facts out,
 * so the rule is reported as not evaluated rather than the plan failing.
 */
export async function readCorporateFacts(backend: Backend): Promise<Pick<TenantFacts, 'corporateDevices' | 'deviceEnrollmentManagerDevices'>> {
  const [corporateDevices, deviceEnrollmentManagerDevices] = await Promise.all([
    readCorporateDevices(backend).catch(() => undefined),
    readDeviceEnrollmentManagerDevices(backend).catch(() => undefined),
  ]);
  return { ...(corporateDevices ? { corporateDevices } : {}), ...(deviceEnrollmentManagerDevices ? { deviceEnrollmentManagerDevices } : {}) };
}
