import type { Operation } from '../../shared/operations';
import { changeState } from './changeState';
import { create } from './create';
import { deleteAgent } from './delete';
import { exportAgent } from './export';
import { get } from './get';
import { getLogs } from './getLogs';
import { getMany } from './getMany';
import { getQuota } from './getQuota';
import { restart } from './restart';
import { resume } from './resume';
import { sendHeartbeat } from './sendHeartbeat';
import { sendMetrics } from './sendMetrics';
import { shutdown } from './shutdown';
import { suspend } from './suspend';
import { update } from './update';
import { waitForState } from './waitForState';

/** Every operation of the node, in the order the Operation list shows them. */
export const operations: Operation[] = [
	changeState,
	create,
	deleteAgent,
	exportAgent,
	get,
	getLogs,
	getMany,
	getQuota,
	restart,
	resume,
	sendHeartbeat,
	sendMetrics,
	shutdown,
	suspend,
	update,
	waitForState,
];
