import type { TriggerEvent } from '../event';
import { agentHeartbeatMissed } from './agentHeartbeatMissed';
import { agentStateChanged } from './agentStateChanged';
import { clipboardEntryChanged } from './clipboardEntryChanged';
import { documentCreated } from './documentCreated';
import { documentUpdated } from './documentUpdated';
import { newNotification } from './newNotification';

/** Every event of the trigger, in the order the Event list shows them. */
export const events: TriggerEvent[] = [
	agentHeartbeatMissed,
	agentStateChanged,
	clipboardEntryChanged,
	documentCreated,
	documentUpdated,
	newNotification,
];
