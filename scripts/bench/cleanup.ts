// Everything the bench starts or makes is registered here and undone at the end, on Ctrl-C, on the bench's own
// time limit, or when the process exits some other way. Processes are ended by the PID we got from spawn(),
// never by name: other Hashi servers and browsers run on the same machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

interface Undo {
	what: string;
	/** The full undo, awaited on a normal end. */
	run: () => Promise<void> | void;
	/** What can still be done synchronously from process.on('exit') (no awaiting there). */
	sync?: () => void;
}

const undos: Undo[] = [];

/** Set when the bench is being stopped (time limit, Ctrl-C): sections then stop reporting errors of their own. */
export const run = { stopping: false };

/** Registers an undo; returns a function that runs it now (once) and forgets it. */
export function onCleanup(what: string, run: Undo['run'], sync?: Undo['sync']): () => Promise<void> {
	const undo: Undo = { what, run, sync };
	undos.push(undo);
	return async () => {
		const at = undos.indexOf(undo);
		if (at < 0) return;
		undos.splice(at, 1);
		await undo.run();
	};
}

/** Runs every registered undo, newest first; never throws. */
export async function cleanupAll(): Promise<void> {
	while (undos.length > 0) {
		const undo = undos.pop()!;
		try {
			await undo.run();
		} catch (error) {
			console.error(`bench: cleanup of ${undo.what} failed: ${(error as Error).message}`);
		}
	}
}

process.on('exit', () => {
	for (const undo of undos.splice(0).reverse()) {
		try {
			undo.sync?.();
		} catch {
			// exiting anyway
		}
	}
});

export function removeDirLater(dir: string): () => Promise<void> {
	const remove = () => rmSync(dir, { recursive: true, force: true });
	return onCleanup(`temp dir ${dir}`, remove, remove);
}

export interface Child {
	process: ChildProcess;
	output(): string;
	exited: Promise<number | null>;
	/** SIGTERM, then SIGKILL after graceMs; resolves once the process has ended. */
	stop(graceMs?: number): Promise<void>;
}

/** Spawns a child we own and will end (by its PID) at cleanup. Output is kept, not printed. */
export function startChild(what: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Child {
	const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	let ended = false;
	const exited = new Promise<number | null>((resolve) => {
		child.once('exit', (code) => {
			ended = true;
			resolve(code);
		});
		child.once('error', () => {
			ended = true;
			resolve(null);
		});
	});
	const stop = async (graceMs = 5000) => {
		if (ended || child.pid === undefined) return;
		process.kill(child.pid, 'SIGTERM');
		const timer = setTimeout(() => {
			if (!ended && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
		}, graceMs);
		await exited;
		clearTimeout(timer);
	};
	const forget = onCleanup(`${what} (pid ${child.pid})`, () => stop(), () => {
		if (!ended && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
	});
	void exited.then(() => void forget());
	return { process: child, output: () => output, exited, stop };
}

/** Runs a command we own to its end; rejects with its output if it fails or outlives timeoutMs. */
export async function runChild(what: string, command: string, args: string[], timeoutMs: number, options: { env?: NodeJS.ProcessEnv } = {}): Promise<string> {
	const child = startChild(what, command, args, options);
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void child.stop(2000);
	}, timeoutMs);
	const code = await child.exited;
	clearTimeout(timer);
	if (timedOut) throw new Error(`${what} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.\n${child.output()}`);
	if (code !== 0) throw new Error(`${what} failed (exit ${code}):\n${child.output()}`);
	return child.output();
}
