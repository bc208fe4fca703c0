import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runSpecDiff, type SpecDiffIo } from '../../../scripts/spec-diff';

const currentSpec = path.resolve(__dirname, '../../../openapi.yaml');
const fixture = (name: string): string => path.join(__dirname, 'fixtures', name);

/** IO over the real file system, collecting what the CLI prints. */
function createDiskIo(): SpecDiffIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, readFile: (file) => readFileSync(file, 'utf8'), log: (line) => lines.push(line) };
}

/** IO over in-memory files; a missing one fails the way the file system does. */
function createMemoryIo(files: Record<string, string>): SpecDiffIo & { lines: string[] } {
  const lines: string[] = [];
  const readFile = (file: string): string => {
    const text = files[file];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
    return text;
  };
  return { lines, readFile, log: (line) => lines.push(line) };
}

/** A minimal spec at `version`; `withOther` decides whether GET /other exists, so dropping it breaks. */
const createSpecText = (version: string, withOther: boolean): string =>
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Things', version },
    paths: {
      '/things': { get: { responses: { '200': { description: 'OK' } } } },
      ...(withOther ? { '/other': { get: { responses: { '200': { description: 'OK' } } } } } : {}),
    },
  });

describe('runSpecDiff', () => {
  describe('against the breaking fixture', () => {
    it.each([
      'BREAKING   GET /items/{itemId} response 200 application/json /properties/updatedAt: property removed',
      'BREAKING   POST /items request body application/json /properties/description: property is now required',
      'BREAKING   POST /items request body application/json /properties/status: enum value "archived" removed',
      'BREAKING   GET /items query parameter status: enum value "archived" removed',
      'BREAKING   DELETE /items/{itemId} response 412: response removed',
    ])('fails, naming %s', (line) => {
      // Prepare
      const io = createDiskIo();

      // Act
      const code = runSpecDiff([fixture('base.yaml'), '--new', fixture('breaking.yaml')], io);

      // Assess
      expect(code).toBe(1);
      expect(io.lines).toContain(line);
    });

    it('lists breaking changes first and ends with the counts', () => {
      // Prepare
      const io = createDiskIo();

      // Act
      runSpecDiff([fixture('base.yaml'), '--new', fixture('breaking.yaml')], io);

      // Assess
      const labels = io.lines.slice(0, -1).map((line) => line.split(' ')[0]);
      expect(labels).toEqual([...Array(11).fill('BREAKING'), ...Array(5).fill('compatible')]);
      expect(io.lines.at(-1)).toBe('11 breaking, 5 compatible changes');
    });

    it('accepts the breaking changes with --allow-breaking-on-major, since the fixture is 2.0.0', () => {
      // Prepare
      const io = createDiskIo();

      // Act
      const code = runSpecDiff(
        [fixture('base.yaml'), '--new', fixture('breaking.yaml'), '--allow-breaking-on-major'],
        io,
      );

      // Assess
      expect(code).toBe(0);
      expect(io.lines.slice(-2)).toEqual([
        '11 breaking, 5 compatible changes',
        'breaking changes accepted: info.version 1.0.0 -> 2.0.0 is a major bump',
      ]);
    });
  });

  it('passes the compatible fixture, listing its changes', () => {
    // Prepare
    const io = createDiskIo();

    // Act
    const code = runSpecDiff([fixture('base.yaml'), '--new', fixture('compatible.yaml')], io);

    // Assess
    expect(code).toBe(0);
    expect(io.lines).toEqual([
      'compatible GET /items query parameter nextToken: maxLength raised from 2048 to 4096',
      'compatible GET /items response 200 application/json /properties/items/items/properties/dueDate: optional property added',
      'compatible POST /items request body application/json /properties/dueDate: optional property added',
      'compatible POST /items response 201 application/json /properties/dueDate: optional property added',
      'compatible GET /items/{itemId} response 200 application/json /properties/dueDate: optional property added',
      'compatible PUT /items/{itemId} request body application/json /properties/dueDate: optional property added',
      'compatible PUT /items/{itemId} response 200 application/json /properties/dueDate: optional property added',
      'compatible PATCH /items/{itemId} response 200 application/json /properties/dueDate: optional property added',
      'compatible /health: path added',
      '0 breaking, 9 compatible changes',
    ]);
  });

  it('compares with the repository openapi.yaml when --new is not given', () => {
    // Prepare
    const io = createDiskIo();

    // Act
    const code = runSpecDiff([currentSpec], io);

    // Assess
    expect(code).toBe(0);
    expect(io.lines).toEqual(['0 breaking, 0 compatible changes']);
  });

  describe('--allow-breaking-on-major', () => {
    it.each([
      ['1.0.0', '2.0.0', true, 0, 'breaking changes accepted: info.version 1.0.0 -> 2.0.0 is a major bump'],
      [
        '1.9.3',
        'v2.0.0-beta.1',
        true,
        0,
        'breaking changes accepted: info.version 1.9.3 -> v2.0.0-beta.1 is a major bump',
      ],
      [
        '1.0.0',
        '1.1.0',
        true,
        1,
        'breaking changes not accepted: info.version 1.0.0 -> 1.1.0 is not a major bump',
      ],
      [
        '2.0.0',
        '1.0.0',
        true,
        1,
        'breaking changes not accepted: info.version 2.0.0 -> 1.0.0 is not a major bump',
      ],
      [
        '1.0.0',
        'next',
        true,
        1,
        'breaking changes not accepted: info.version 1.0.0 -> next is not a major bump',
      ],
      ['1.0.0', '2.0.0', false, 1, '1 breaking, 0 compatible changes'],
    ])('from %s to %s (flag given: %s) exits %i', (oldVersion, newVersion, flag, expectedCode, lastLine) => {
      // Prepare
      const io = createMemoryIo({
        'old.json': createSpecText(oldVersion, true),
        'new.json': createSpecText(newVersion, false),
      });
      const args = ['old.json', '--new', 'new.json', ...(flag ? ['--allow-breaking-on-major'] : [])];

      // Act
      const code = runSpecDiff(args, io);

      // Assess
      expect(code).toBe(expectedCode);
      expect(io.lines[0]).toBe('BREAKING   /other: path removed');
      expect(io.lines.at(-1)).toBe(lastLine);
    });
  });

  describe('exits 2 with one line for bad input', () => {
    const valid = createSpecText('1.0.0', false);

    it.each<[string, string[], Record<string, string>, string]>([
      [
        'no arguments',
        [],
        {},
        'spec-diff: usage: spec-diff <old-spec-file> [--new <file>] [--allow-breaking-on-major]',
      ],
      ['two old files', ['a.yaml', 'b.yaml'], {}, 'spec-diff: usage:'],
      ['an unknown option', ['a.yaml', '--force'], {}, "spec-diff: Unknown option '--force'"],
      [
        'a missing old file',
        ['missing.yaml', '--new', 'new.json'],
        { 'new.json': valid },
        'spec-diff: cannot read missing.yaml: ENOENT',
      ],
      [
        'a missing new file',
        ['old.json', '--new', 'missing.yaml'],
        { 'old.json': valid },
        'spec-diff: cannot read missing.yaml: ENOENT',
      ],
      [
        'invalid YAML',
        ['old.yaml', '--new', 'new.json'],
        { 'old.yaml': 'paths: [\n', 'new.json': valid },
        'spec-diff: cannot parse old.yaml:',
      ],
      [
        'a document without paths',
        ['old.yaml', '--new', 'new.json'],
        { 'old.yaml': 'just: text\n', 'new.json': valid },
        'spec-diff: old.yaml is not an OpenAPI document',
      ],
      [
        'a $ref to nothing',
        ['old.yaml', '--new', 'new.json'],
        { 'old.yaml': "paths:\n  /things:\n    $ref: '#/nowhere'\n", 'new.json': valid },
        'spec-diff: $ref #/nowhere points at nothing',
      ],
    ])('%s', (_, args, files, text) => {
      // Prepare
      const io = createMemoryIo(files);

      // Act
      const code = runSpecDiff(args, io);

      // Assess
      expect(code).toBe(2);
      expect(io.lines).toEqual([expect.stringContaining(text)]);
    });
  });
});
