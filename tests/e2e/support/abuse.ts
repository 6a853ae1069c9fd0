// Plain-HTTP helpers for the abuse test: a signed-in person is a cookie header; form actions are posted as a
// browser without JavaScript would (HTML) or as SvelteKit's enhance does (JSON); the database is read directly
// while the server is stopped.
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server';

export interface Person {
	cookie: string;
	address: string;
}

export const ANONYMOUS: Person = { cookie: '', address: '10.250.0.1' };

/** The cookies a response sets, as one Cookie header (name=value pairs only). */
export function cookiesOf(response: Response): string {
	return response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
}

export type FormValue = string | { file: Uint8Array; name: string; type: string } | string[] | undefined;
export type Form = Record<string, FormValue>;

/** A form as a browser encodes it: multipart when it carries a file (or when asked), else urlencoded. */
export function encodeForm(form: Form, multipart = false): FormData | URLSearchParams {
	const hasFile = Object.values(form).some((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
	if (hasFile || multipart) {
		const data = new FormData();
		for (const [name, value] of Object.entries(form)) {
			if (value === undefined) continue;
			if (Array.isArray(value)) for (const v of value) data.append(name, v);
			else if (typeof value === 'string') data.append(name, value);
			else data.append(name, new Blob([value.file as Uint8Array<ArrayBuffer>], { type: value.type }), value.name);
		}
		return data;
	}
	const data = new URLSearchParams();
	for (const [name, value] of Object.entries(form)) {
		if (value === undefined) continue;
		if (Array.isArray(value)) for (const v of value) data.append(name, v);
		else data.append(name, value as string);
	}
	return data;
}

/** What the server answered, reduced to what the abuse test judges. */
export interface Outcome {
	status: number;
	/** The message shown or sent: an error message, message keys of a failed form, or response text. */
	message: string;
	location?: string;
}

const MESSAGE_KEYS = new Set(Object.keys(JSON.parse(readFileSync(join(ROOT, 'messages/en.json'), 'utf8'))));

/** Message keys (messages/en.json) named in a failed form's data. */
export function messageKeysIn(text: string): string[] {
	return [...text.matchAll(/"([a-z][a-z0-9_]+)"/g)].map((m) => m[1]!).filter((key) => MESSAGE_KEYS.has(key));
}

/** Reads a form action's answer: JSON (enhance) carries the failure's own status; HTML is the page itself. */
export async function outcomeOf(response: Response, json: boolean): Promise<Outcome> {
	const text = await response.text();
	const location = response.headers.get('location') ?? undefined;
	if (!json || !(response.headers.get('content-type') ?? '').includes('application/json')) {
		return { status: response.status, message: text, location };
	}
	const body = JSON.parse(text) as { type?: string; status?: number; data?: string; error?: { message?: string }; location?: string; message?: string };
	switch (body.type) {
		case 'failure':
			// The message keys it names, else what it sends for the page to show (e.g. sign-in's `invalid: true`).
			return { status: body.status ?? 0, message: messageKeysIn(body.data ?? '').join(' ') || (body.data ?? '') };
		case 'error':
			return { status: response.status, message: body.error?.message ?? '' };
		case 'redirect':
			return { status: body.status ?? 0, message: '', location: body.location };
		case 'success':
			return { status: body.status ?? 200, message: body.data ?? '' };
		default:
			return { status: response.status, message: body.message ?? text };
	}
}

/** Every row of every table, as a sorted list of row hashes per table; and the recordings kept on disk. */
export interface Snapshot {
	tables: Record<string, string[]>;
	files: string[];
}

export async function snapshot(dataDir: string): Promise<Snapshot> {
	const db = new PGlite(join(dataDir, 'pglite'), { extensions: { pgcrypto } });
	try {
		await db.waitReady;
		const { rows } = await db.query<{ s: string; t: string }>(
			`select table_schema as s, table_name as t from information_schema.tables
			 where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`
		);
		const tables: Record<string, string[]> = {};
		for (const { s, t } of rows) {
			const result = await db.query<{ h: string }>(`select md5(x::text) as h from "${s}"."${t}" x order by 1`);
			tables[`${s}.${t}`] = result.rows.map((r) => r.h);
		}
		return { tables, files: listFiles(join(dataDir, 'recordings')) };
	} finally {
		await db.close();
	}
}

function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

/** Tables whose rows differ between two snapshots: rows added and removed (a changed row counts in both). */
export function differences(before: Snapshot, after: Snapshot, ignore: readonly string[]): string[] {
	const found: string[] = [];
	for (const table of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
		if (ignore.includes(table)) continue;
		const a = new Set(before.tables[table] ?? []);
		const b = new Set(after.tables[table] ?? []);
		const added = [...b].filter((h) => !a.has(h)).length;
		const removed = [...a].filter((h) => !b.has(h)).length;
		if (added || removed) found.push(`${table}: ${added} rows added, ${removed} removed`);
	}
	const files = new Set(before.files);
	for (const file of after.files) if (!files.has(file)) found.push(`recording file added: ${file}`);
	for (const file of before.files) if (!after.files.includes(file)) found.push(`recording file removed: ${file}`);
	return found;
}
