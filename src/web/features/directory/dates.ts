// Dates travel as 'YYYY-MM-DD' in the API and are shown and entered as dd.MM.yyyy.
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'DD.MM.YYYY';

export function toDayjs(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d : null;
}

export function fromDayjs(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}
