/**
 * The dashboard's server-rendered views: each takes the page context and the data the routes
 * loaded (src/dashboard/model.ts) and returns HTML. They only render.
 */
export { renderMessagePage } from './message.js';
export { renderOverviewFragment, renderOverviewPage } from './overview.js';
export { renderUnitPage } from './unit.js';
