import type { Operation } from '../../shared/operations';
import { ask } from './ask';
import { checkAvailability } from './checkAvailability';
import { findRelevantDocuments } from './findRelevantDocuments';
import { getStorageStats } from './getStorageStats';
import { query } from './query';
import { queryWithSources } from './queryWithSources';

/** Every operation of the node, in the order the Operation list shows them. */
export const operations: Operation[] = [
	ask,
	query,
	queryWithSources,
	findRelevantDocuments,
	checkAvailability,
	getStorageStats,
];
