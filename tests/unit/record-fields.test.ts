/** The fields every reader shares: DOIs, arXiv ids, dates at their precision, names written as one string. */
import { describe, expect, test } from 'vitest';
import {
  arxivIdIn,
  normaliseArxivId,
  normaliseDoi,
  parseDateText,
  parseNameWithInitials,
  parsePersonName,
  partialDate,
  stripMarkup,
} from '../../src/lib/sources/record-fields.ts';

describe('identifiers', () => {
  test('a DOI is lower case, without its resolver', () => {
    for (const written of [
      '10.1162/TACL_A_00642',
      'https://doi.org/10.1162/tacl_a_00642',
      'doi:10.1162/TACL_a_00642',
      'http://dx.doi.org/10.1162/tacl_a_00642',
    ]) {
      expect(normaliseDoi(written)).toBe('10.1162/tacl_a_00642');
    }
    expect(normaliseDoi('not a doi')).toBeNull();
  });

  test('an arXiv id drops its version and prefix, and is found in DOIs, links and free text', () => {
    expect(normaliseArxivId('arXiv:2303.11366v2')).toBe('2303.11366');
    expect(normaliseArxivId('cs/0101001v1')).toBe('cs/0101001');
    expect(arxivIdIn(['10.48550/arXiv.2402.09133'])).toBe('2402.09133');
    expect(arxivIdIn(['https://arxiv.org/pdf/2311.05522v3'])).toBe('2311.05522');
    expect(arxivIdIn(['arXiv preprint arXiv:2303.14792'])).toBe('2303.14792');
    expect(arxivIdIn(['https://example.org/2303.14792'])).toBeNull();
    // An old id's subject class is not part of it: both spellings are one paper.
    expect(normaliseArxivId('math.GT/0309136')).toBe('math/0309136');
    expect(arxivIdIn(['https://arxiv.org/abs/math.GT/0309136v2'])).toBe('math/0309136');
  });
});

describe('dates', () => {
  test('keep the precision they are written with', () => {
    expect(parseDateText('2023-03-20T12:00:00Z')).toBe('2023-03-20');
    expect(parseDateText('2023/03/20/')).toBe('2023-03-20');
    expect(parseDateText('2023/11//')).toBe('2023-11');
    expect(parseDateText('2022///')).toBe('2022');
    expect(parseDateText('2023-03/2024')).toBe('2023-03');
    expect(parseDateText('March 2023')).toBe('2023-03');
    expect(parseDateText('20 March 2023')).toBe('2023-03-20');
    expect(parseDateText('Mar. 20, 2023')).toBe('2023-03-20');
    expect(parseDateText('Sept 2024')).toBe('2024-09');
    expect(parseDateText('31 June 2024')).toBe('2024-06');
    expect(parseDateText('SEP 22 2010')).toBe('2010-09-22');
    expect(parseDateText('13-17 May 2024')).toBe('2024-05-13');
    expect(parseDateText('Jan.-Feb. 2024')).toBe('2024-01');
    expect(parseDateText('4/3/2024')).toBe('2024');
    expect(parseDateText('Jun2023')).toBe('2023-06');
    for (const unread of ['Marvel 2023', 'Spring 2023', '3 March 20, 2023', 'in press', '']) expect(parseDateText(unread)).toBeNull();
    expect(partialDate('2024', 2, 30)).toBe('2024-02');
    expect(partialDate('n.d.')).toBeNull();
  });
});

describe('names written as one string', () => {
  test('"Family, Given", "Given Family", particles, suffixes and single words', () => {
    expect(parsePersonName('Iyer, Chloé')).toEqual({ given: 'Chloé', family: 'Iyer' });
    expect(parsePersonName('Chloé Iyer')).toEqual({ given: 'Chloé', family: 'Iyer' });
    expect(parsePersonName('Anna van der Berg')).toEqual({ given: 'Anna', family: 'van der Berg' });
    expect(parsePersonName('King, Jr., Martin')).toEqual({ given: 'Martin', family: 'King Jr.' });
    expect(parsePersonName('King, Martin, Jr.')).toEqual({ given: 'Martin', family: 'King Jr.' });
    expect(parsePersonName('Martin Luther King Jr.')).toEqual({ given: 'Martin Luther', family: 'King Jr.' });
    expect(parsePersonName('Plato')).toEqual({ given: null, family: 'Plato' });
  });
});

describe('names written with initials', () => {
  test('initials first (IEEE) or after the family name (Scopus), with full stops; without them only when asked (PubMed)', () => {
    expect(parseNameWithInitials('N. Shinn')).toEqual({ given: 'N.', family: 'Shinn' });
    expect(parseNameWithInitials('M. Á. Fernández')).toEqual({ given: 'M. Á.', family: 'Fernández' });
    expect(parseNameWithInitials('J. -P. Dupont')).toEqual({ given: 'J. -P.', family: 'Dupont' });
    expect(parseNameWithInitials('Shinn N.')).toEqual({ given: 'N.', family: 'Shinn' });
    expect(parseNameWithInitials('van der Berg A.-M.')).toEqual({ given: 'A.-M.', family: 'van der Berg' });
    expect(parseNameWithInitials('Griffin DK')).toBeNull();
    expect(parseNameWithInitials('Griffin DK', { undotted: true })).toEqual({ given: 'DK', family: 'Griffin' });
    expect(parseNameWithInitials('Brownstein C D', { undotted: true })).toEqual({ given: 'C D', family: 'Brownstein' });
    for (const other of ['OpenAI', 'Anna Smith', 'World Health Organization', 'IBM Research', 'DK Griffin', 'Shinn, N.'])
      expect(parseNameWithInitials(other, { undotted: true })).toBeNull();
    expect(parseNameWithInitials('Meta AI')).toBeNull();
  });
});

describe('markup in titles and abstracts', () => {
  test("CSL's rich text, Web of Science's italics and Crossref's JATS are taken out; a < in prose stays", () => {
    expect(stripMarkup('The rise of <i>Kulindadromeus</i> and H<sub>2</sub>O')).toBe('The rise of Kulindadromeus and H2O');
    expect(stripMarkup('<span class="nocase">ReAct</span>: Synergizing')).toBe('ReAct: Synergizing');
    expect(stripMarkup('<jats:p>Believable agents.</jats:p><jats:p>Second.</jats:p>')).toBe('Believable agents. Second.');
    expect(stripMarkup('a <b and c> d, x < y > z')).toBe('a <b and c> d, x < y > z');
    expect(stripMarkup('AT&amp;T&#8217;s <i>Agents</i> &lt;i&gt; &#x1F600; &bogus;')).toBe('AT&T’s Agents <i> 😀 &bogus;');
  });
});
