// Academic years: query and response schemas.
import { z } from 'zod';

export const ZAcademicYearsQuery = z.object({
  before: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .default(5)
    .describe('Сколько прошедших учебных лет показать'),
  after: z.coerce.number().int().min(0).max(5).default(1).describe('Сколько будущих учебных лет показать'),
});
export type TAcademicYearsQuery = z.infer<typeof ZAcademicYearsQuery>;

export const ZAcademicYear = z
  .object({
    code: z.string().describe('Учебный год, например 2026/2027'),
    start: z.string().describe('Первый день, 1 сентября (YYYY-MM-DD)'),
    end: z.string().describe('Последний день, 31 августа (YYYY-MM-DD)'),
    current: z.boolean(),
  })
  .meta({ id: 'AcademicYear' });

export const ZAcademicYears = z.object({ current: z.string(), items: z.array(ZAcademicYear) });
export type TAcademicYears = z.infer<typeof ZAcademicYears>;
