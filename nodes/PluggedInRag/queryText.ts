/**
 * The server's view of a RAG query (APP app/api/rag/query/route.ts): the raw string must be 1-1000
 * characters; it is then passed through sanitize-html with no allowed tags and trimmed, and what is
 * left must be non-empty and match a whitelist. We check the same before sending, so a query the
 * server would answer with 400 "Invalid input format" fails here with a reason instead.
 * sandbox/routes/rag.js holds the same rules (test/rag/validation.test.js keeps both in step).
 */
export const MAX_QUERY_LENGTH = 1000;

// The server's whitelist. Of printable ASCII only < > ^ \ are missing, and < > never reach it
// (sanitize-html turns them into tags or entities), so in practice ^, \ and control characters fail.
const ALLOWED = /^[a-zA-Z0-9\s\-_.,!?'"():;@#$%&*+=/[\]{}|~`\u0080-\uFFFF]+$/;
const NOT_ALLOWED = /[^a-zA-Z0-9\s\-_.,!?'"():;@#$%&*+=/[\]{}|~`\u0080-\uFFFF]/g;

// sanitize-html drops these elements together with their text.
const DROPPED_WITH_CONTENT = /<(script|style|textarea|option)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(-->|$)/g;
// Opening and closing tags, declarations, processing instructions; an unclosed tag at the end is dropped too.
const TAG = /<[a-zA-Z][^>]*(>|$)|<\/[^>]*(>|$)|<[!?][^>]*(>|$)/g;
// Numeric entities, and the named ones that matter here: those sanitize-html re-escapes and two rejected characters.
const ENTITY = /&(?:#[xX]([0-9a-fA-F]+);?|#(\d+);?|(amp|lt|gt|quot|apos|Hat|bsol);)/g;
const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	Hat: '^',
	bsol: '\\',
};

/** The text the server validates and searches for. */
export function serverQueryText(query: string): string {
	const text = query
		.replace(DROPPED_WITH_CONTENT, '')
		.replace(COMMENT, '')
		.replace(TAG, '')
		.replace(ENTITY, (_, hex?: string, decimal?: string, name?: string) => decodeEntity(hex, decimal, name))
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
	return text.trim();
}

/** Why the server would refuse this query, or undefined when it accepts it. */
export function queryProblem(query: string): string | undefined {
	if (query.length === 0) return 'is empty: give a question of 1 to 1000 characters';
	if (query.length > MAX_QUERY_LENGTH) {
		return `is ${query.length} characters long; Plugged.in accepts at most ${MAX_QUERY_LENGTH}`;
	}
	const text = serverQueryText(query);
	if (text === '') return 'has no text left once Plugged.in removes HTML tags and surrounding spaces';
	if (ALLOWED.test(text)) return undefined;
	const rejected = [...new Set(text.match(NOT_ALLOWED) ?? [])].map(describeCharacter);
	return `contains characters Plugged.in rejects: ${rejected.join(', ')}. Use letters, digits, spaces and common punctuation`;
}

function describeCharacter(character: string): string {
	const code = character.charCodeAt(0);
	return code > 0x20 && code < 0x7f ? `"${character}"` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** As the HTML parser decodes an entity: invalid code points become U+FFFD. */
function decodeEntity(hex?: string, decimal?: string, name?: string): string {
	if (name !== undefined) return NAMED_ENTITIES[name];
	const code = hex === undefined ? Number(decimal) : parseInt(hex, 16);
	const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
	return String.fromCodePoint(valid ? code : 0xfffd);
}
