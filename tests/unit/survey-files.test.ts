import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { publishedPath } from '../../src/loaders/survey-files.ts';

describe('the files of a survey as the published site names them', () => {
  test("from the content folder's name on, wherever the survey was built from", () => {
    expect(publishedPath('/home/curator/surveys/agents/listings/zotero.bib', '/home/curator/surveys/agents')).toBe(
      'agents/listings/zotero.bib',
    );
    expect(publishedPath(join('content', 'listings', 'x.txt'), resolve('content'))).toBe('content/listings/x.txt');
    expect(publishedPath('/tmp/s1/notes/a.mdx', '/tmp/s1/')).toBe('s1/notes/a.mdx');
  });

  test('a file outside the content folder is named as messages name it', () => {
    expect(publishedPath('/elsewhere/x.bib', '/home/curator/surveys/agents')).toBe('/elsewhere/x.bib');
  });
});
