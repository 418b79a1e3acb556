/** Entry point of `npm start`: the whole service (see src/wiring/service.ts). */
import { startService } from './wiring/service.js';

void startService();
