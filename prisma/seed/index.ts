/** Default-install seed data (see shared/domain.md); plain typed data, no logic. */

export * from './duties.js';
export * from './holidays.js';
export * from './indicators.js';
export * from './movements.js';
export * from './organisation.js';
export * from './targets.js';
