/** The fault-injection tests (test/support/fault-injection.ts), shard 1 of 3: see there. */
import { defineFaultTests } from './support/fault-injection.js';

defineFaultTests({ index: 0, of: 3, screen: true });
