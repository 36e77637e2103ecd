import { f } from './fields';
import { entityType } from './entity-type';
import { declaredEntityFields } from './graph-model';

/** The zero date Intune answers for reports it never aggregated. */
const NEVER = '0001-01-01T00:00:00Z';

/**
 * The `deviceManagement` singleton: every property the metadata declares (null or empty where the
 * server keeps nothing), the Intune account ID and the ADE token limit set, and the values a fresh
 * tenant answers (graph-ade-api.md section 7.2). Served read-only.
 */
export const deviceManagement = entityType({
  name: 'deviceManagement',
  fields: {
    ...declaredEntityFields('deviceManagement'),
    id: f.string('deviceManagement'),
    maximumDepTokens: f.int32(100, false),
    lastReportAggregationDateTime: f.string(NEVER),
    deviceComplianceReportSummarizationDateTime: f.string(NEVER),
    legacyPcManangementEnabled: f.boolean(false, false),
    unlicensedAdminstratorsEnabled: f.boolean(true, false),
  },
});
