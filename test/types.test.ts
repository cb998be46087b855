import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { resolve } from 'node:path';

const FILE = resolve(import.meta.dirname, 'types/page-config.ts');

/** Type errors of `file` under the project's compiler options. */
function diagnostics(file: string, text?: string): string[] {
  const { config } = ts.readConfigFile(resolve(import.meta.dirname, '../tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, resolve(import.meta.dirname, '..'));
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  if (text !== undefined) {
    const read = host.getSourceFile;
    host.getSourceFile = (name, ...rest) => (resolve(name) === file ? ts.createSourceFile(name, text, ts.ScriptTarget.ES2020) : read(name, ...rest));
  }
  const program = ts.createProgram([file], { ...options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('page() and DatacueConfig are typed per page_type', () => {
  it('accepts each page shape and rejects each @ts-expect-error line', () => {
    expect(diagnostics(FILE)).toEqual([]);
  }, 60_000);

  it('the rejected lines really are type errors (without the markers, tsc reports each)', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(FILE, 'utf8');
    const marked = text.split('\n').filter((l) => l.startsWith('// @ts-expect-error')).length;
    const errors = diagnostics(FILE, text.replaceAll('// @ts-expect-error', '// was:'));
    expect(marked).toBe(9);
    expect(errors).toHaveLength(marked);
  }, 60_000);
});
