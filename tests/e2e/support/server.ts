import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Settings a developer's shell may carry that would point the server under test at their Postgres or Supabase
 * project, pin its origin or signing key, or seed differently: a server under test never sees them, so it always
 * runs on the embedded database in its own DATA_DIR, served as `npm start` serves it.
 */
export const SERVER_ENV_REMOVED = ['DATABASE_URL', 'PUBLIC_SUPABASE_URL', 'PUBLIC_SUPABASE_ANON_KEY', 'ORIGIN', 'AUTH_SECRET', 'SEED_DEMO'];

/**
 * The environment for a Hashi server under test: no build, this port and data directory, and client addresses
 * read from x-forwarded-for (adapter-node's ADDRESS_HEADER; each browser context sends its own, see fixtures.ts).
 */
export function serverEnv(settings: { port: number; dataDir: string }): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value !== undefined && !SERVER_ENV_REMOVED.includes(name)) env[name] = value;
	}
	return {
		...env,
		SKIP_BUILD: '1',
		PORT: String(settings.port),
		HOST: '127.0.0.1',
		DATA_DIR: settings.dataDir,
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		// Mock-test sections last 2% of their real time, so a journey can let one run out (N5 vocabulary: 24 s).
		MOCK_TEST_TIME_SCALE: '0.02'
	};
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export interface RunningServer {
	url: string;
	/** Everything the server printed so far (stdout and stderr), for failure messages. */
	output(): string;
	/** SIGTERM, as a service manager would send; resolves with the exit code once the process has ended. */
	stop(): Promise<number | null>;
	/** SIGKILL if still running; for afterAll, whatever happened. */
	kill(): void;
}

const READY = /Hashi is running: (http:\/\/\S+)/;

/**
 * Starts `node scripts/start.js` (no build) and resolves once it prints that it is running. `env` adds settings on
 * top of serverEnv's, e.g. DATABASE_URL for a test that runs the server on a PostgreSQL database of its own.
 */
export async function startServer(settings: {
	port: number;
	dataDir: string;
	timeoutMs?: number;
	env?: Record<string, string>;
}): Promise<RunningServer> {
	const child: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		cwd: ROOT,
		env: { ...serverEnv(settings), ...settings.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	let ended = false;
	void exited.then(() => (ended = true));

	const server: RunningServer = {
		url: `http://127.0.0.1:${settings.port}`,
		output: () => output,
		async stop() {
			if (!ended) child.kill('SIGTERM');
			return exited;
		},
		kill() {
			if (!ended) child.kill('SIGKILL');
		}
	};

	// If the test process itself goes away first, the server goes with it.
	const killOnExit = () => server.kill();
	process.once('exit', killOnExit);
	void exited.then(() => process.off('exit', killOnExit));

	const timeoutMs = settings.timeoutMs ?? 120_000;
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			server.kill();
			reject(new Error(`The server did not print "Hashi is running" within ${timeoutMs} ms. Output:\n${output}`));
		}, timeoutMs);
		const onData = () => {
			if (READY.test(output)) {
				clearTimeout(timer);
				child.stdout!.off('data', onData);
				resolve();
			}
		};
		child.stdout!.on('data', onData);
		void exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`The server exited (code ${code}) before it was running. Output:\n${output}`));
		});
	});
	return server;
}
