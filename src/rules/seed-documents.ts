/** The documents the rules come from (the 000-004 prefixes of domain.md), and public issue reports. */
export const SEED_DOCUMENTS = {
  '000': 'BYOD Reimagined: A Web-Based Enrollment Journey for iOS (Intune - In Real Life, 2023)',
  '001': 'Set up web-based device enrollment (Microsoft Intune documentation)',
  '002': 'Overview of Apple device enrollment in Microsoft Intune (Microsoft Intune documentation)',
  '003': 'Enrollment guide: Enroll iOS and iPadOS devices in Microsoft Intune (Microsoft Intune documentation)',
  '004': 'Set up account driven Apple User Enrollment (Microsoft Intune documentation)',
  ade: 'Automatically enroll iOS/iPadOS devices with Apple\'s Automated Device Enrollment (Microsoft Intune documentation)',
  issues: 'Public issue reports on Microsoft Graph enrollment configurations',
} as const;

/** The key of a source document. */
export type SeedDocument = keyof typeof SEED_DOCUMENTS;
