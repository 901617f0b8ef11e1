// demo: the demo directory and accounts (`rost seed --demo`, first start of an empty embedded database).

export { DEMO_ACCOUNTS, DEMO_ORGANIZATION_SHORT_NAMES } from './demo.data.js';
export { isDatabaseEmpty, printDemoAccounts, seedDemo } from './demo.service.js';
