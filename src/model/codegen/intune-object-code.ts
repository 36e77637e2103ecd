import type { KindCode, KindName } from '../descriptor';
import { assignmentCode, sortedAssignments } from './assignment-code';
import { namedProps, newConstructCode } from './construct-code';
import { tsString, tsValue } from './ts-literal';

/**
 * Import code generation that declares every object of a kind with the generic `IntuneObject`
 * construct, by its kind and canonical spec: what a kind without a construct of its own uses.
 */
export function intuneObjectCode<Spec>(kind: KindName): KindCode<Spec> {
  return {
    className: () => 'IntuneObject',
    referenced: () => false,
    problem: () => undefined,
    declare: (o, ctx) =>
      newConstructCode(
        o,
        ctx,
        'IntuneObject',
        [['kind', tsString(kind)], ...namedProps(o), ['spec', tsValue(o.spec)], ['assignments', sortedAssignments(o.assignments, ctx.groups).map((a) => assignmentCode(a, ctx.groups))]],
        [],
      ),
  };
}
