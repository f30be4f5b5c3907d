import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { creditInputValue, formatBytes, issueText, parseAttachmentLabels, parseCreditInput, parseMediaDetails } from './media.schemas.js';

describe('parseCreditInput', () => {
  test('reads the office form, with or without the sign', () => {
    assert.deepEqual(parseCreditInput('© ILO/Nguyen Hai Dat 2024'), { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 });
    assert.deepEqual(parseCreditInput('ILO/Nguyen Hai Dat 2024'), { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 });
    assert.deepEqual(parseCreditInput('  UNICEF  '), { holder: 'UNICEF', photographer: null, year: null });
    assert.deepEqual(parseCreditInput('(c) ILO 2019'), { holder: 'ILO', photographer: null, year: 2019 });
  });

  test('empty is no credit; a bare year or a lone slash is not a credit', () => {
    assert.equal(parseCreditInput(''), null);
    assert.equal(parseCreditInput('   '), null);
    assert.equal(parseCreditInput(undefined), null);
    assert.equal(parseCreditInput('2024'), undefined);
    assert.equal(parseCreditInput('/Nguyen Hai Dat'), undefined);
  });

  test('written back as it was typed', () => {
    const credit = parseCreditInput('ILO/Nguyen Hai Dat 2024');
    assert.ok(credit);
    assert.equal(
      creditInputValue({ credit_holder: credit.holder, credit_photographer: credit.photographer, credit_year: credit.year }),
      '© ILO/Nguyen Hai Dat 2024',
    );
    assert.equal(creditInputValue({ credit_holder: null, credit_photographer: null, credit_year: null }), '');
  });
});

describe('parseMediaDetails', () => {
  test('images need English alt text; Vietnamese is optional; whitespace is folded', () => {
    const ok = parseMediaDetails({ altEn: '  Two  workers\nsmiling ', altVi: '' }, 'image');
    assert.deepEqual(ok.issues, {});
    assert.deepEqual(ok.value, { altEn: 'Two workers smiling', altVi: null, credit: null });
    assert.deepEqual(Object.keys(parseMediaDetails({ altVi: 'Chỉ có tiếng Việt' }, 'image').issues), ['altEn']);
    assert.equal(parseMediaDetails({ altEn: 'x'.repeat(501) }, 'image').issues.altEn?.key, 'media.error.altTooLong');
  });

  test('documents need no alt text and keep none', () => {
    const doc = parseMediaDetails({ altEn: 'ignored' }, 'document');
    assert.deepEqual(doc.issues, {});
    assert.equal(doc.value.altEn, null);
  });
});

test('attachment labels: English required', () => {
  assert.equal(parseAttachmentLabels({ labelEn: '' }).issues.labelEn?.key, 'media.error.labelRequired');
  assert.deepEqual(parseAttachmentLabels({ labelEn: ' Agenda ', labelVi: 'Chương trình' }).value, { labelEn: 'Agenda', labelVi: 'Chương trình' });
});

test('sizes and limits read naturally in both languages', () => {
  assert.equal(formatBytes(900, 'en'), '900 B');
  assert.equal(formatBytes(350_000, 'en'), '342 KB');
  assert.equal(formatBytes(2.5 * 1024 * 1024, 'en'), '2.5 MB');
  assert.equal(formatBytes(2.5 * 1024 * 1024, 'vi'), '2,5 MB');
  assert.equal(issueText({ key: 'media.error.tooLarge', max: 10 * 1024 * 1024 }, 'en'), 'This file is too large. Files can be at most 10 MB.');
  assert.equal(issueText({ key: 'media.error.tooLarge', max: 10 * 1024 * 1024 }, 'vi'), 'Tệp này quá lớn. Mỗi tệp chỉ được tối đa 10 MB.');
});

test('alt text, credit and labels lose the control characters that feeds and calendars cannot carry', () => {
  const details = parseMediaDetails({ altEn: 'A farmer\vat\0 work', altVi: 'Nông dân\u0085', credit: 'ILO\0/Nguyen\u0007 Hai Dat 2024' }, 'image');
  assert.deepEqual(details.issues, {});
  assert.deepEqual(details.value, { altEn: 'A farmer at work', altVi: 'Nông dân', credit: { holder: 'ILO', photographer: 'Nguyen Hai Dat', year: 2024 } });
  assert.equal(parseMediaDetails({ altEn: '\0\u0007' }, 'image').issues.altEn?.key, 'media.error.altRequired');
  assert.deepEqual(parseAttachmentLabels({ labelEn: 'Agenda\0', labelVi: '\u009b' }).value, { labelEn: 'Agenda', labelVi: null });
});
