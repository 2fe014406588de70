import type { Operation } from '../../shared/operations';
import { clearAll } from './clearAll';

/** Every operation of the node, in the order the Operation list shows them. */
export const operations: Operation[] = [clearAll];
