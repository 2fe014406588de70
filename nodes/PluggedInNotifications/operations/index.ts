import type { Operation } from '../../shared/operations';
import { remove } from './delete';
import { getMany } from './getMany';
import { markAsRead } from './markAsRead';
import { send } from './send';
import { setCompleted } from './setCompleted';

/** Every operation of the node, in the order the Operation list shows them (alphabetical). */
export const operations: Operation[] = [remove, getMany, markAsRead, send, setCompleted];
