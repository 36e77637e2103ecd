import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IConstruct } from 'constructs';
import { formatIssue, ValidationError, type Manifest, type ValidationIssue } from '../model';
import { EnrollmentResource } from './enrollment-resource';
import { EnrollmentStack } from './enrollment-stack';
import { ISSUES_FILE_ENV, SOURCE_ROOT_ENV } from './manifest-files';

/** Where the app created each enrollment resource construct (`file:line` relative to the working directory), by construct path. */
function declaredSources(constructs: readonly IConstruct[]): Map<string, string> {
  const sources = new Map<string, string>();
  for (const c of constructs) if (EnrollmentResource.isEnrollmentResource(c) && c.declaredAt) sources.set(c.node.path, c.declaredAt);
  return sources;
}

/** The issues with where the app declared each offending construct, for `enrollkit synth` to report. */
function withSources(issues: readonly ValidationIssue[], constructs: readonly IConstruct[]): ValidationIssue[] {
  const sources = declaredSources(constructs);
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
  const appDir = env[SOURCE_ROOT_ENV];
  if (issues.length === 0) return appDir ? withResourceSources(manifests, declaredSources(all), appDir) : manifests;
  const unique = [...new Map(issues.map((i) => [formatIssue(i), i])).values()];
  const issuesFile = env[ISSUES_FILE_ENV];
  if (issuesFile) fs.writeFileSync(issuesFile, `${JSON.stringify(withSources(unique, all), null, 2)}\n`);
  throw new ValidationError(unique);
}

/** `file:line` relative to the working directory, made relative to `root` with `/` separators. */
function relativeSource(source: string, root: string): string {
  const at = source.lastIndexOf(':');
  const file = path.relative(root, path.resolve(source.slice(0, at))).split(path.sep).join('/');
  return `${file}${source.slice(at)}`;
}

/** The manifests with each object's `source`: where the app created its construct, relative to the app's directory. */
function withResourceSources(manifests: readonly Manifest[], sources: ReadonlyMap<string, string>, root: string): Manifest[] {
  return manifests.map((manifest) => ({
    ...manifest,
    resources: manifest.resources.map((resource) => {
      const source = sources.get(resource.path);
      return source ? { ...resource, source: relativeSource(source, root) } : resource;
    }),
  }));
}
