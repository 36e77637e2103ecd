import { ENROLLMENT_TYPE_TITLES, type AppliedObject, type EnrollmentResolution } from '../../rules';

function applied(object: AppliedObject): string {
  if (object.tenantDefault) return `tenant default "${object.name}" (priority 0, all users)`;
  return `"${object.name}" (priority ${object.priority}, ${object.matchedBy.join(', ')})`;
}

function request(resolution: EnrollmentResolution): string {
  const r = resolution.request;
  const who = r.user ?? 'a user';
  const groups = r.memberOf.length > 0 ? r.memberOf.map((g) => `"${g}"`).join(', ') : 'no groups';
  const device = r.device === 'ipad' ? 'iPad' : 'iPhone';
  const os = r.device === 'ipad' ? 'iPadOS' : 'iOS';
  return `Simulating ${who} (member of ${groups}) enrolling a ${r.ownership} ${device} on ${os} ${r.os}`;
}

/** A simulation for the terminal: one step per line with its reasons, then warnings and the outcome. */
export function formatSimulationText(resolution: EnrollmentResolution): string {
  const { platformRestriction: pr, deviceLimit: dl } = resolution;
  const lines = [
    request(resolution),
    `1. Platform restriction: ${applied(pr)}: ${pr.passed ? 'passes' : 'BLOCKS'}: ${pr.reasons.join('; ')}`,
    `   Device limit: ${applied(dl)}, ${dl.limit} devices: ${dl.passed ? 'passes' : 'BLOCKS'}: ${dl.reason}`,
  ];
  const profile = resolution.profile;
  lines.push(profile ? `2. Enrollment type profile: ${applied(profile)}: ${profile.reason}` : '2. Enrollment type profile: none applies');
  for (const c of resolution.candidates.filter((c) => c.name !== profile?.name)) {
    lines.push(`   - "${c.name}"${c.priority === undefined ? '' : ` (priority ${c.priority})`}: ${c.reason}`);
  }
  const type = resolution.enrollmentType;
  if (type) lines.push(`3. Enrollment type: ${ENROLLMENT_TYPE_TITLES[type.effective]}: ${type.reason}`);
  if (resolution.outcome === 'enrolled') {
    const jit = resolution.jit;
    lines.push(
      `4. JIT registration: ${jit?.enabled ? 'yes' : 'no'}${jit ? `: ${jit.reason}` : ''}`,
      `   Required apps: ${resolution.requiredApps.length > 0 ? resolution.requiredApps.map((a) => `${a.name} (${a.bundleId})`).join(', ') : 'none'}`,
      `   Web clips: ${resolution.webClips.length > 0 ? resolution.webClips.map((c) => `${c.name} (${c.url})`).join(', ') : 'none'}`,
      `5. Enrolls in: ${(resolution.enrollsIn ?? []).join(', ')}`,
    );
  }
  if (resolution.warnings.length > 0) {
    lines.push('Warnings:', ...resolution.warnings.map((w) => `  - ${w.rule ? `${w.rule}: ` : ''}${w.message}`));
  }
  lines.push(`Outcome: ${resolution.outcome}: ${resolution.summary}`);
  return `${lines.join('\n')}\n`;
}
