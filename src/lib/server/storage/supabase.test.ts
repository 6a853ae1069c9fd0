import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supabaseStore } from './supabase';

// A loopback stand-in for Supabase Storage's object API, as supabase-js calls it with the service key.
const SERVICE_KEY = 'service-key-for-tests';
const objects = new Map<string, { bytes: Buffer; type: string }>();
let server: Server;
let url: string;

beforeAll(async () => {
	server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
		const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
		if (req.headers.authorization !== `Bearer ${SERVICE_KEY}`) return json(403, { statusCode: '403', error: 'Unauthorized', message: 'bad key' });
		const object = /^\/storage\/v1\/object\/recordings\/(.+)$/.exec(path)?.[1];
		if (req.method === 'POST' && object) {
			if (objects.has(object)) return json(400, { statusCode: '409', error: 'Duplicate', message: 'The resource already exists' });
			objects.set(object, { bytes: body, type: String(req.headers['content-type']) });
			return json(200, { Key: `recordings/${object}` });
		}
		if (req.method === 'GET' && object) {
			const found = objects.get(object);
			if (!found) return json(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
			return res.writeHead(200, { 'content-type': found.type }).end(found.bytes);
		}
		if (req.method === 'DELETE' && path === '/storage/v1/object/recordings') {
			const { prefixes } = JSON.parse(body.toString()) as { prefixes: string[] };
			for (const key of prefixes) objects.delete(key);
			return json(200, []);
		}
		json(404, { statusCode: '404', error: 'not_found', message: 'no route' });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const key = '0b0e3f43-8a51-4c41-9d3c-6a1f0cf1e0a1/5a6f2c1e-2f4b-4d7e-8b9a-1c2d3e4f5a6b.webm';

describe('supabaseStore', () => {
	it('uploads with the type, reads back the same bytes, and deletes', async () => {
		const store = supabaseStore(url, SERVICE_KEY, 'recordings');
		const bytes = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);
		await store.put(key, bytes, 'audio/webm');
		expect(objects.get(key)?.type).toBe('audio/webm');
		expect([...((await store.get(key)) ?? [])]).toEqual([...bytes]);
		await store.delete(key);
		expect(await store.get(key)).toBeNull();
	});
	it('fails loudly when the service refuses, and never sends a key that is not a recording key', async () => {
		await expect(supabaseStore(url, 'wrong-key', 'recordings').put(key, new Uint8Array([1]), 'audio/webm')).rejects.toThrow(/upload failed/);
		const store = supabaseStore(url, SERVICE_KEY, 'recordings');
		await expect(store.get('../other-bucket/secret.webm')).rejects.toThrow(/not a recording key/);
	});
});
