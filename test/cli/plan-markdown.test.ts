import { makePlan, type ActualState } from '../../src/engine';
import { GITHUB_COMMENT_LIMIT, renderPlanMarkdown } from '../../src/cli/render/plan-markdown';
import { INTUNE_DEFAULTS } from '../../src/model';
import { lint } from '../../src/rules';
import { syntheticStack } from '../_helpers/synthetic-stack';

const EMPTY_TENANT: ActualState = {
  objects: [],
  groupsByName: new Map(),
  groupNames: new Map(),
  pushCertificate: { expirationDateTime: '2099-01-01T00:00:00Z' },
  tenantDefaults: INTUNE_DEFAULTS,
};

const TRICKY = 'iOS | corporate <ADE> & user-choice';

function planOf(size: number, options: { declareGroups?: boolean } = {}) {
  const manifest = syntheticStack(size, { ...options, name: (prefix, i) => (i === 0 ? TRICKY : `${prefix} ${i}`) });
  const findings = lint(manifest).findings.map((f) => ({ code: f.rule, severity: f.severity, path: f.path, message: f.message, fix: f.fix }));
  return makePlan(manifest, EMPTY_TENANT, { backend: 'embedded', findings });
}

describe('the Markdown plan for a pull-request comment', () => {
  it('keeps a 1000-object plan within GitHub\'s comment limit: summary and blockers first, a note on what was left out last', () => {
    const markdown = renderPlanMarkdown(planOf(1000, { declareGroups: false }), { fullPlan: 'the `enrollkit-plan` artifact of this run' });
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const [heading, , summary, , , , caution] = markdown.split('\n');
    expect(heading).toBe('### enrollkit plan: <code>bench</code>');
    expect(summary).toBe('⛔ **Blocked** (10 blockers) · 1000 to create · 2000 writes · 800 warnings');
    expect(caution).toBe('> [!CAUTION]');
    expect(markdown.indexOf('Apply is blocked')).toBeLessThan(markdown.indexOf('<details>'));
    expect(markdown).toMatch(/does not exist in the tenant/);
    expect(markdown.trimEnd().split('\n').at(-1)).toMatch(/^> Left out to stay within GitHub's comment limit: [^.]*\d+ objects\. The full plan is in the `enrollkit-plan` artifact of this run\.$/);
  });

  it('shows every object folded, with nothing left out, when the plan is small', () => {
    const markdown = renderPlanMarkdown(planOf(20));
    expect(markdown.match(/<details><summary>➕ create/g)).toHaveLength(20);
    expect(markdown).not.toMatch(/Left out/);
    expect(markdown.split('\n')[2]).toBe('**Plan** · 20 to create · 10 groups to create · 50 writes · 16 warnings');
  });

  it('escapes names so that | < > & render as written', () => {
    const markdown = renderPlanMarkdown(planOf(20));
    expect(markdown).toContain('<b>iOS &#124; corporate &lt;ADE&gt; &amp; user-choice</b>');
    expect(markdown).not.toContain('<ADE>');
    expect(markdown).not.toContain(TRICKY);
  });
});
