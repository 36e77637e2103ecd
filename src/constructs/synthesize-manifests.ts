import * as fs from 'node:fs';
import type { IConstruct } from 'constructs';
import { formatIssue, ValidationError, type Manifest, type ValidationIssue } from '../model';
import { EnrollmentResource } from './enrollment-resource';
import { EnrollmentStack } from './enrollment-stack';
import { ISSUES_FILE_ENV } from './manifest-files';

/** The issues with where the app declared each offending construct, for `enrollkit synth` to report. */
function withSources(issues: readonly ValidationIssue[], constructs: readonly IConstruct[]): ValidationIssue[] {
  const sources = new Map<string, string>();
  for (const c of constructs) if (EnrollmentResource.isEnrollmentResource(c) && c.declaredAt) sources.set(c.node.path, c.declaredAt);
  return issues.map((issue) => {
    const source = sources.get(issue.path);
    return source && !issue.source ? { ...issue, source } : issue;
  });
}

/**
 * The manifests of every `EnrollmentStack` below `root`. Problems of all stacks are collected and
 * thrown once as a `ValidationError`, each once even when several stacks list the object at fault
 * (such as a shared group); when the environment names an issues file
 * (`ENROLLKIT_ISSUES_FILE`), the issues are written there as JSON first, for `enrollkit synth`.
 */
export function synthesizeManifests(root: IConstruct, env: Readonly<Record<string, string | undefined>> = process.env): Manifest[] {
  const issues: ValidationIssue[] = [];
  const manifests: Manifest[] = [];
  const all = root.node.findAll();
  const stacks = all.filter((c): c is EnrollmentStack => EnrollmentStack.isEnrollmentStack(c));
  for (const orphan of all.filter((c) => EnrollmentResource.isEnrollmentResource(c) && !c.node.scopes.some((s) => EnrollmentStack.isEnrollmentStack(s)))) {
    issues.push({
      path: orphan.node.path,
      field: 'scope',
      message: 'the construct is not inside an EnrollmentStack, so no manifest carries it',
      fix: 'create it with an EnrollmentStack (or a construct below one) as its scope',
    });
  }
  const names = new Map<string, string>();
  for (const stack of stacks) {
    const other = names.get(stack.stackName);
    if (other !== undefined) {
      issues.push({
        path: stack.node.path,
        field: 'id',
        value: stack.stackName,
        message: `another EnrollmentStack of the app has the same name (${other})`,
        fix: 'give each EnrollmentStack its own id',
      });
    }
    names.set(stack.stackName, stack.node.path);
    try {
      manifests.push(stack.toManifest());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length === 0) return manifests;
  const unique = [...new Map(issues.map((i) => [formatIssue(i), i])).values()];
  const issuesFile = env[ISSUES_FILE_ENV];
  if (issuesFile) fs.writeFileSync(issuesFile, `${JSON.stringify(withSources(unique, all), null, 2)}\n`);
  throw new ValidationError(unique);
}
