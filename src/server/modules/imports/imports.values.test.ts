import { describe, expect, it } from 'vitest';
import { headerKey, mapHeader, PEOPLE_COLUMNS } from './imports.columns.js';
import { sniffDelimiter, wholeUtf8Chunks, wholeUtf8Length } from './imports.readers.js';
import {
  cellText,
  guessGender,
  innChecksumOk,
  innWithChecksum,
  parseCategory,
  parseDate,
  parseEmail,
  parseInn,
  parseKind,
  parseStatus,
  parseSubjects,
} from './imports.values.js';

describe('X-5 import cell parsers', () => {
  it('X-5 dates: dd.mm.yyyy, yyyy-mm-dd, real Excel dates and serial numbers', () => {
    expect(parseDate('05.03.1985')).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate('5.3.1985')).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate('1985-03-05')).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate(new Date(Date.UTC(1985, 2, 5)))).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate(31111)).toEqual({ ok: true, value: '1985-03-05' });
    expect(parseDate('31.02.1980')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/ДД\.ММ\.ГГГГ/),
    });
    expect(parseDate('вчера').ok).toBe(false);
  });

  it('X-5 categories and kinds by Russian label (long or short), alias or code', () => {
    expect(parseCategory('высшая квалификационная категория')).toEqual({ ok: true, value: 'highest' });
    expect(parseCategory('Высшая')).toEqual({ ok: true, value: 'highest' });
    expect(parseCategory('first')).toEqual({ ok: true, value: 'first' });
    expect(parseCategory('СЗД')).toEqual({ ok: true, value: 'position_compliance' });
    expect(parseCategory('без категории')).toEqual({ ok: true, value: 'none' });
    expect(
      parseCategory('педагог-методист (для имеющих высшую категорию, по ходатайству работодателя)'),
    ).toEqual({
      ok: true,
      value: 'methodologist',
    });
    expect(parseCategory('вторая').ok).toBe(false);
    expect(parseKind('методический центр (ИМЦ, ЦНППМ, РМЦ)')).toEqual({
      ok: true,
      value: 'methodological_centre',
    });
    expect(parseKind('ДОУ')).toEqual({ ok: true, value: 'kindergarten' });
    expect(parseKind('kindergarten')).toEqual({ ok: true, value: 'kindergarten' });
    expect(parseStatus('Уволена')).toEqual({ ok: true, value: 'left' });
  });

  it('X-5 e-mail, INN check digits, subjects in the catalogue spelling', () => {
    expect(parseEmail('  Ivanova@Example.RU ')).toEqual({ ok: true, value: 'ivanova@example.ru' });
    expect(parseEmail({ text: 'a@b.ru', hyperlink: 'mailto:a@b.ru' })).toEqual({ ok: true, value: 'a@b.ru' });
    expect(parseEmail('ivanova@').ok).toBe(false);
    const inn = innWithChecksum('770708389');
    expect(inn).toBe('7707083893');
    expect(innChecksumOk('500100732259')).toBe(true);
    expect(parseInn('7707083894').ok).toBe(false);
    expect(parseSubjects('русский язык; Литература;;русский язык')).toEqual({
      ok: true,
      value: ['Русский язык', 'Литература'],
    });
  });

  it('X-5 rich text and formula cells read as text; gender from patronymic or surname', () => {
    expect(cellText({ richText: [{ text: 'Ива' }, { text: 'нова' }] })).toBe('Иванова');
    expect(cellText({ formula: 'A1', result: 42 })).toBe('42');
    expect(guessGender('Иванова', 'Петровна')).toBe('female');
    expect(guessGender('Шевчук', 'Ильич')).toBe('male');
    expect(guessGender('Петров', null)).toBe('male');
    expect(guessGender('Шевчук', null)).toBeNull();
  });

  it('X-5 headers are matched loosely (case, ё, parentheses, aliases)', () => {
    expect(headerKey('Предметы (через «;»)')).toBe('предметы');
    expect(headerKey('е-mail')).toBe('email');
    const m = mapHeader(
      PEOPLE_COLUMNS,
      new Map([
        [1, 'ФАМИЛИЯ'],
        [2, 'имя'],
        [3, 'Электронная почта'],
        [4, 'Квалификационная категория'],
        [5, 'Что-то ещё'],
      ]),
    );
    expect([...m.byIndex.entries()]).toEqual([
      [1, 'surname'],
      [2, 'name'],
      [3, 'email'],
      [4, 'category'],
    ]);
  });

  it('X-5 CSV delimiter sniffing and whole UTF-8 chunks', async () => {
    expect(sniffDelimiter('\uFEFFФамилия;Имя;"А,Б"\n')).toBe(';');
    expect(sniffDelimiter('Фамилия,Имя,Отчество')).toBe(',');
    expect(sniffDelimiter('Фамилия\tИмя')).toBe('\t');
    const bytes = Buffer.from('Казакова', 'utf8');
    expect(wholeUtf8Length(bytes.subarray(0, 3))).toBe(2);
    const parts = [bytes.subarray(0, 3), bytes.subarray(3, 8), bytes.subarray(8)];
    async function* source() {
      yield* parts;
    }
    const out: Buffer[] = [];
    for await (const c of wholeUtf8Chunks(source())) out.push(c as Buffer);
    expect(out.map((c) => c.toString('utf8'))).toEqual(['К', 'аза', 'кова']);
  });
});
