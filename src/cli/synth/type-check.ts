import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as TS from 'typescript';

/** One type error of the app, where it is and, inside a construct's props, which prop and call. */
export interface TypeProblem {
  /** `file:line:column`, the file relative to the app directory. */
  readonly location: string;
  /** The file, relative to the app directory. */
  readonly file: string;
  /** The 1-based line. */
  readonly line: number;
  /** `TS2561` and the like. */
  readonly code: string;
  /** The compiler's message, on one line. */
  readonly message: string;
  /** The prop the error is on, when it is inside an object literal. */
  readonly prop?: string;
  /** The line of the `new` or call expression the object literal is passed to. */
  readonly callLine?: number;
}

/** The outcome of a type check: its problems, and the files it read (the app's and the declarations it uses). */
export interface TypeCheck {
  /** The type errors, in the compiler's order. */
  readonly problems: readonly TypeProblem[];
  /** Every source and declaration file of the program, absolute. */
  readonly files: readonly string[];
}

/** Compiler options for an app without its own `tsconfig.json`: strict, as `enrollkit` itself resolves under Node. */
function defaultOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    skipLibCheck: true,
    resolveJsonModule: true,
  };
}

/** The options of the app's own `tsconfig.json` in its directory, or the defaults; never emitting. */
function optionsFor(ts: typeof TS, cwd: string): TS.CompilerOptions {
  const file = path.join(cwd, 'tsconfig.json');
  if (!fs.existsSync(file)) return { ...defaultOptions(ts), noEmit: true };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  return { ...(parsed?.options ?? defaultOptions(ts)), noEmit: true };
}

/** The innermost node of `node` that spans `position`. */
function nodeAt(ts: typeof TS, node: TS.Node, position: number): TS.Node {
  const child = node.forEachChild((c) => (c.getStart() <= position && position < c.getEnd() ? c : undefined));
  return child ? nodeAt(ts, child, position) : node;
}

/** The prop and the construct call an error position lies in, when it lies in an object literal passed to one. */
function propContext(ts: typeof TS, file: TS.SourceFile, position: number): { prop?: string; callLine?: number } {
  let prop: string | undefined;
  for (let node: TS.Node | undefined = nodeAt(ts, file, position); node; node = node.parent) {
    if (prop === undefined && (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name)) prop = node.name.text;
    if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      if (prop === undefined) return {};
      return { prop, callLine: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
    }
  }
  return {};
}

/**
 * Type-checks a TypeScript app from its entry file, with the `tsconfig.json` of the app directory
 * when it has one (its options; the files are those the entry imports), strict defaults otherwise.
 * TypeScript is enrollkit's own dependency and loads only here.
 */
export async function typeCheck(entry: string, cwd: string): Promise<TypeCheck> {
  // require, not import(): the ESM loader would scan all of typescript.js (9 MB) for its exports.
  const ts = createRequire(__filename)('typescript') as typeof TS;
  const program = ts.createProgram({ rootNames: [entry], options: optionsFor(ts, cwd) });
  const files = program.getSourceFiles().map((file) => path.resolve(file.fileName));
  const problems = ts.getPreEmitDiagnostics(program).map((d): TypeProblem => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    const code = `TS${d.code}`;
    if (!d.file || d.start === undefined) return { location: 'tsconfig', file: '', line: 0, code, message };
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    const file = path.relative(cwd, d.file.fileName) || d.file.fileName;
    return { location: `${file}:${line + 1}:${character + 1}`, file, line: line + 1, code, message, ...propContext(ts, d.file, d.start) };
  });
  return { problems, files };
}
