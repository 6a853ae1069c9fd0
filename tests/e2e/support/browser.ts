import { accessSync, constants, statSync } from 'node:fs';

/** The system Chromium; Playwright never downloads one for these tests. */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update'];

/** Why the browser cannot be used, or null when it can. */
export function chromiumProblem(path = chromiumPath()): string | null {
	try {
		if (!statSync(path).isFile()) return `${path} is not a file`;
		accessSync(path, constants.X_OK);
		return null;
	} catch (error) {
		return `${path} is missing or not executable (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
	}
}

export function chromiumMissingMessage(problem: string): string {
	return (
		`The end-to-end tests need Chromium, and ${problem}. Install the system Chromium (e.g. apt-get install chromium) ` +
		'or set CHROMIUM_PATH to a Chromium or Chrome executable. The tests never download a browser.'
	);
}
