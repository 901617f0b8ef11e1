// Settings the server hands the interface before it draws (GET /api/settings): the centre's time zone, so that
// programme times read and are entered on the centre's wall clock wherever the browser is.
import { type Clock, clockOf, DEFAULT_TIME_ZONE } from '../../shared/time-zone';
import { api } from '../api/client';

type Settings = { timeZone: string; version: string };

let clock: Clock = clockOf(DEFAULT_TIME_ZONE);

export const centreClock = (): Clock => clock;

/** Loads the settings once at start-up; on failure the defaults stay (the pages then show their own errors). */
export async function loadSettings(): Promise<void> {
  try {
    const s = await api.get<Settings>('/settings');
    clock = clockOf(s.timeZone);
  } catch {
    // keep the default zone
  }
}
