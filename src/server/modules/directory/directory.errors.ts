// Error codes of the directory with Russian and English messages.
import { defineErrors } from '../../platform/errors.js';

export const DirectoryErrors = defineErrors({
  REGION_NOT_FOUND: { kind: 'not_found', ru: 'Регион не найден.', en: 'Region not found.' },
  MUNICIPALITY_NOT_FOUND: {
    kind: 'not_found',
    ru: 'Муниципалитет не найден.',
    en: 'Municipality not found.',
  },
  ORGANIZATION_NOT_FOUND: {
    kind: 'not_found',
    ru: 'Организация не найдена.',
    en: 'Organisation not found.',
  },
  PERSON_NOT_FOUND: { kind: 'not_found', ru: 'Человек не найден в справочнике.', en: 'Person not found.' },
  UNKNOWN_REGION: {
    kind: 'invalid',
    ru: 'Поле «Регион»: такого региона нет в справочнике.',
    en: 'Field "region": no such region in the directory.',
  },
  UNKNOWN_MUNICIPALITY: {
    kind: 'invalid',
    ru: 'Поле «Муниципалитет»: такого муниципалитета нет в справочнике.',
    en: 'Field "municipality": no such municipality in the directory.',
  },
  UNKNOWN_ORGANIZATION: {
    kind: 'invalid',
    ru: 'Поле «Организация»: такой организации нет в справочнике.',
    en: 'Field "organisation": no such organisation in the directory.',
  },
  REGION_NAME_TAKEN: {
    kind: 'conflict',
    ru: (p) => `Поле «Название»: регион «${p.name}» уже есть в справочнике.`,
    en: (p) => `Field "name": region "${p.name}" already exists.`,
  },
  MUNICIPALITY_NAME_TAKEN: {
    kind: 'conflict',
    ru: (p) => `Поле «Название»: муниципалитет «${p.name}» в этом регионе уже есть.`,
    en: (p) => `Field "name": municipality "${p.name}" already exists in this region.`,
  },
  ORGANIZATION_NAME_TAKEN: {
    kind: 'conflict',
    ru: (p) => `Поле «Краткое наименование»: организация «${p.shortName}» в этом муниципалитете уже есть.`,
    en: (p) => `Field "short name": organisation "${p.shortName}" already exists in this municipality.`,
  },
  PERSON_EMAIL_TAKEN: {
    kind: 'conflict',
    ru: (p) => `Поле «Электронная почта»: адрес ${p.email} уже указан у другого человека в справочнике.`,
    en: (p) => `Field "e-mail": ${p.email} already belongs to another person in the directory.`,
  },
});
