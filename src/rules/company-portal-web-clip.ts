import { COMPANY_PORTAL_WEB_URL, type WebClipSpec } from '../model';

const COMPANY_PORTAL_HOST = new URL(COMPANY_PORTAL_WEB_URL).hostname;

/** True for a web clip of the Company Portal website (`https://portal.manage.microsoft.com`). */
export function isCompanyPortalWebClip(spec: WebClipSpec): boolean {
  try {
    return new URL(spec.appUrl).hostname === COMPANY_PORTAL_HOST;
  } catch {
    return false;
  }
}
