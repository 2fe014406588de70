/** Plugged.in's ids (documents, agents, templates) are UUIDs: the server answers anything else with a bare 500. */
const UUID_TEXT = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const UUID_PATTERN = `^${UUID_TEXT}$`;
export const UUID = new RegExp(UUID_PATTERN);
/** A /library/<id> URL (the Documents picker's "By URL"), with the document's UUID in group 1. */
export const LIBRARY_URL_PATTERN = `/library/(${UUID_TEXT})`;
