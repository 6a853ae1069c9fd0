import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

export interface ContentFile {
	/** Path relative to the content directory, for messages. */
	path: string;
	data: unknown;
}

export interface Problem {
	file: string;
	item?: string;
	message: string;
}

function yamlFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) return yamlFiles(full);
			return name.endsWith('.yaml') ? [full] : [];
		});
}

/** Reads every YAML file under a folder of content/; a file that does not parse becomes a problem. */
export function readFolder(contentDir: string, folder: string, problems: Problem[]): ContentFile[] {
	const files: ContentFile[] = [];
	for (const full of yamlFiles(join(contentDir, folder))) {
		const path = relative(contentDir, full);
		try {
			files.push({ path, data: parse(readFileSync(full, 'utf8')) });
		} catch (error) {
			problems.push({ file: path, message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
		}
	}
	return files;
}
