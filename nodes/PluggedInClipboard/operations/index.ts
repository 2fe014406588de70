import type { Operation } from '../../shared/operations';
import { clearAll } from './clearAll';
import { deleteEntry } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { pop } from './pop';
import { push } from './push';
import { set } from './set';

/** Every operation of the node, in the order the Operation list shows them. */
export const operations: Operation[] = [clearAll, deleteEntry, get, getMany, pop, push, set];
