import { describe, expect, it } from 'vitest';
import { dativeName, detectGender, formatEventDates, phraseOf, roleText } from './certificates.text.js';

const n = (surname: string, name: string, patronymic: string | null = null) => ({
  surname,
  name,
  patronymic,
});

describe('S0-12 certificate wording in Russian', () => {
  it.each([
    [n('Иванова', 'Мария', 'Петровна'), 'Ивановой Марии Петровне'],
    [n('Петров', 'Сергей', 'Иванович'), 'Петрову Сергею Ивановичу'],
    [n('Черных', 'Иван', 'Петрович'), 'Черных Ивану Петровичу'],
    [n('Черных', 'Анна', 'Сергеевна'), 'Черных Анне Сергеевне'],
    [n('Дюма', 'Александр', 'Петрович'), 'Дюма Александру Петровичу'],
    [n('Кузьмина', 'Ольга', 'Ильинична'), 'Кузьминой Ольге Ильиничне'],
    [n('Гончаренко', 'Илья', 'Андреевич'), 'Гончаренко Илье Андреевичу'],
    [n('Соколов', 'Никита', null), 'Соколову Никите'],
  ])('S0-12 %j is declined to the dative as %s', (name, expected) => {
    expect(dativeName(name, detectGender(name))).toBe(expected);
  });

  it('S0-12 gender comes from the record, else from the patronymic', () => {
    expect(detectGender(n('Черных', 'Саша', 'Петровна'))).toBe('female');
    expect(detectGender(n('Черных', 'Саша', 'Петрович'))).toBe('male');
    expect(detectGender(n('Черных', 'Саша', 'Петрович'), 'female')).toBe('female');
  });

  it('S0-12 the verb agrees with gender and the form gives the noun phrase', () => {
    const base = { role: 'presenter' as const, topic: 'Игровые технологии', eventTitle: 'Сессия' };
    expect(roleText({ ...base, gender: 'female', formCode: 'master_class' })).toBe(
      'провела мастер-класс по теме «Игровые технологии»',
    );
    expect(roleText({ ...base, gender: 'male', formCode: 'master_class' })).toBe(
      'провёл мастер-класс по теме «Игровые технологии»',
    );
    expect(roleText({ ...base, gender: 'male', formCode: 'creative_report' })).toBe(
      'представил творческий отчёт по теме «Игровые технологии»',
    );
    expect(roleText({ ...base, gender: 'female', formCode: 'open_lesson' })).toBe(
      'провела открытый урок по теме «Игровые технологии»',
    );
    expect(roleText({ ...base, gender: 'female', formCode: 'business_game' })).toBe(
      'провела деловую игру по теме «Игровые технологии»',
    );
    expect(roleText({ role: 'listener', gender: 'female', eventTitle: 'Сессия' })).toBe(
      'приняла участие в мероприятии',
    );
    expect(roleText({ role: 'listener', gender: null, eventTitle: 'Сессия' })).toBe(
      'принял(а) участие в мероприятии',
    );
  });

  it('S0-12 S0-10 the catalogue forms read as their catalogue names', () => {
    const base = {
      role: 'presenter' as const,
      topic: 'Кейсы',
      eventTitle: 'Сессия',
      gender: 'female' as const,
    };
    expect(roleText({ ...base, formCode: 'targeted_training' })).toBe(
      'провела целевой тренинг по теме «Кейсы»',
    );
    expect(roleText({ ...base, formCode: 'workshop' })).toBe(
      'провела педагогическую мастерскую по теме «Кейсы»',
    );
  });

  it('S0-10 S0-12 a form added to the catalogue speaks through its own certificate phrase', () => {
    expect(phraseOf('представить презентацию опыта')).toEqual({
      verb: 'представить',
      phrase: 'презентацию опыта',
    });
    expect(phraseOf('сыграть спектакль')).toBeNull();
    expect(phraseOf('  ')).toBeNull();
    const base = { role: 'presenter' as const, topic: 'Наставничество', eventTitle: 'Сессия' };
    expect(
      roleText({
        ...base,
        gender: 'female',
        formCode: 'experience',
        formPhrase: 'представить презентацию опыта',
      }),
    ).toBe('представила презентацию опыта по теме «Наставничество»');
    // a phrase with a verb the module cannot conjugate falls back to the title
    expect(
      roleText({
        ...base,
        gender: 'male',
        formCode: 'play',
        formPhrase: 'сыграть спектакль',
        formTitle: 'Спектакль',
      }),
    ).toBe('провёл спектакль по теме «Наставничество»');
    // the catalogue's phrase of a built-in form wins over the built-in table
    expect(
      roleText({
        ...base,
        gender: 'female',
        formCode: 'open_extracurricular_event',
        formPhrase: 'провести открытое внеклассное мероприятие',
      }),
    ).toBe('провела открытое внеклассное мероприятие по теме «Наставничество»');
  });

  it('S4-2 talks and seminars for students at a municipal event', () => {
    const base = {
      role: 'presenter' as const,
      topic: 'ОГЭ по математике',
      eventTitle: 'Школа профессионального роста',
    };
    expect(roleText({ ...base, gender: 'male', formCode: 'talk' })).toBe(
      'выступил с докладом по теме «ОГЭ по математике»',
    );
    expect(roleText({ ...base, gender: 'female', formCode: 'students_seminar' })).toBe(
      'провела семинар для обучающихся по теме «ОГЭ по математике»',
    );
  });

  it('S0-12 event dates are written compactly', () => {
    expect(formatEventDates('2026-10-12', '2026-10-14')).toBe('12–14.10.2026');
    expect(formatEventDates('2026-09-30', '2026-10-02')).toBe('30.09–02.10.2026');
    expect(formatEventDates('2026-10-12', '2026-10-12')).toBe('12.10.2026');
  });
});
