/** The fault-injection tests (test/support/fault-injection.ts), shard 3 of 3: see there. */
import { defineFaultTests } from './support/fault-injection.js';

defineFaultTests({ index: 2, of: 3, screen: false });
