// The academic year chosen in the header's switcher (kept in localStorage), and the list of years from the API.
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '../api/client';

export type AcademicYear = { code: string; start: string; end: string; current: boolean };
export type AcademicYears = { current: string; items: AcademicYear[] };

const STORAGE_KEY = 'rost.academicYear';
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function subscribe(fn: () => void) {
  listeners.add(fn);
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY) fn();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('storage', onStorage);
  };
}

/** Computes the academic year (1 September – 31 August) of a date, e.g. '2026/2027' for 2026-11-22. */
export function academicYearOf(date: Date = new Date()): string {
  const y = date.getFullYear();
  const start = date.getMonth() >= 8 ? y : y - 1;
  return `${start}/${start + 1}`;
}

/** Selects a year everywhere in the app (and other tabs). */
export function setAcademicYear(code: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    /* ignore: private mode */
  }
  for (const fn of listeners) fn();
}

/**
 * The selected academic year.
 * - `year`: code like '2026/2027' — the stored choice if the API still lists it, otherwise the current year.
 * - `selected`: the full item `{ code, start, end, current }` when the list is loaded.
 * - `current`: the current year's code; `years`: the list for a switcher; `setYear(code)` changes the choice.
 */
export function useAcademicYear() {
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const query = useQuery({
    queryKey: ['academic-years'],
    queryFn: () => api.get<AcademicYears>('/academic-years'),
    staleTime: 60 * 60_000,
  });
  const years = query.data?.items ?? [];
  const current = query.data?.current ?? academicYearOf();
  const year = stored && (years.length === 0 || years.some((y) => y.code === stored)) ? stored : current;
  return {
    year,
    selected: years.find((y) => y.code === year),
    current,
    years,
    isLoading: query.isLoading,
    setYear: setAcademicYear,
  };
}
