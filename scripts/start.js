// `npm start`: builds Hashi and serves it. With no DATABASE_URL it runs on PGlite in DATA_DIR (default
// ./.data), migrated and seeded with the demo center on first start; the demo accounts are printed.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

function run(what, args) {
	const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`\n${what} failed (exit ${result.status}); see the messages above.`);
		process.exit(result.status ?? 1);
	}
}

if (process.env.SKIP_BUILD !== '1') {
	console.log('Building the curriculum…');
	// The server loads the result into the database as it starts.
	run('The content build', ['node_modules/tsx/dist/cli.mjs', 'scripts/content-build.ts', '--no-load']);
	console.log('Building Hashi…');
	run('The build', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error']);
}

// adapter-node assumes https unless told otherwise. Served directly (a laptop at a training center, phones on
// its Wi-Fi), the connection itself says which; a TLS proxy in front sets x-forwarded-proto.
if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
// adapter-node refuses bodies over 512 KB by default; a roster CSV may be 1 MB (src/lib/cohorts/csv-import.ts).
process.env.BODY_SIZE_LIMIT ??= '3M';
const { handler } = await import('../build/handler.js'); // runs the server's init: migrate, seed, print accounts

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
const server = createServer((req, res) => {
	if (!process.env.ORIGIN && !req.headers['x-forwarded-proto']) {
		req.headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	}
	handler(req, res);
});
server.listen(port, host, () => {
	const shown = host === '0.0.0.0' ? 'localhost' : host;
	console.log(`Hashi is running: http://${shown}:${port}`);
});

function shutdown(signal) {
	server.close();
	server.closeIdleConnections();
	// hooks.server.ts closes the database on this event, so PGlite's files are left consistent.
	process.emit('sveltekit:shutdown', signal);
	setTimeout(() => process.exit(0), 3000).unref();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
