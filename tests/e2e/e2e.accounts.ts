// The demo account the browser tests sign in with (created by `rost seed --demo`, printed at first start).
export const METHODOLOGIST = { email: 'metodist@rost.local', password: 'rost-metodist-2026' };
