import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** One TypeScript block of a Markdown page. */
export interface DocBlock {
  /** The page, relative to the repository root. */
  readonly page: string;
  /** The line of the opening fence. */
  readonly line: number;
  /** The block's code. */
  readonly code: string;
}

/** Every ```ts block of README.md and docs/*.md below `root`. */
export function docBlocks(root: string): DocBlock[] {
  const pages = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  return pages.flatMap((page) => {
    const lines = fs.readFileSync(path.join(root, page), 'utf8').split('\n');
    const blocks: DocBlock[] = [];
    let start = -1;
    lines.forEach((text, i) => {
      if (start < 0 && /^```(ts|typescript)\s*$/.test(text)) start = i;
      else if (start >= 0 && /^```\s*$/.test(text)) {
        blocks.push({ page, line: start + 1, code: lines.slice(start + 1, i).join('\n') });
        start = -1;
      }
    });
    return blocks;
  });
}

/**
 * Type-checks each block as a module of its own in `dir`, where `enrollkit` resolves as an app there
 * resolves it (Node16 resolution, strict). Returns the errors as `page:line: message`.
 */
export function typeCheckBlocks(dir: string, blocks: readonly DocBlock[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = blocks.map((block, i) => {
    const file = path.join(dir, `block-${i}.ts`);
    fs.writeFileSync(file, `${block.code}\nexport {};\n`);
    return { file, block };
  });
  const program = ts.createProgram({
    rootNames: files.map((f) => f.file),
    options: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      types: ['node'],
    },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    const source = d.file ? files.find((f) => path.resolve(f.file) === path.resolve(d.file?.fileName ?? '')) : undefined;
    if (!d.file || d.start === undefined || !source) return `${d.file?.fileName ?? 'options'}: ${message}`;
    const line = d.file.getLineAndCharacterOfPosition(d.start).line;
    return `${source.block.page}:${source.block.line + line + 1}: ${message}`;
  });
}
