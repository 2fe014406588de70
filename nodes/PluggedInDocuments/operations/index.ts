import type { Operation } from '../../shared/operations';
import { create } from './create';
import { remove } from './delete';
import { download } from './download';
import { get } from './get';
import { getMany } from './getMany';
import { getVersion } from './getVersion';
import { getVersions } from './getVersions';
import { restoreVersion } from './restoreVersion';
import { search } from './search';
import { update } from './update';

/** Every operation of the node, in the order the Operation list shows them (alphabetical). */
export const operations: Operation[] = [
	create,
	remove,
	download,
	get,
	getMany,
	getVersion,
	getVersions,
	restoreVersion,
	search,
	update,
];
