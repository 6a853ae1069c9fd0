import { z } from 'zod';
import { blueprints, testTypes } from '../mock-tests/blueprints';

// Mock-test items under content/tests/. Items that share a passage, a notice or a listening script are
// written together as one unit. Original items only (CONTENT_GUIDE.md).

const text = z.string().trim().min(1, 'must not be empty');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case slugs');

export const testItem = z
	.strictObject({
		id: slug,
		/** What the item measures, in a few words (Indonesian or English). */
		skill: text,
		/** The question. A target word is marked with square brackets: 「[山]に のぼります。」 */
		stem: text,
		choices: z.array(text).min(3).max(4),
		/** Index of the one correct choice (0 is the first). */
		key: z.number().int().min(0),
		/** Authored Rasch difficulty in logits: -3 (very easy) … +3 (very hard); calibration refines it. */
		difficulty: z.number().min(-4).max(4),
		explanation: z.strictObject({ id: text, en: text.optional() })
	})
	.refine((item) => item.key < item.choices.length, { message: 'key is the index of one of the choices', path: ['key'] })
	.refine((item) => new Set(item.choices).size === item.choices.length, { message: 'choices must differ', path: ['choices'] });

export const testUnit = z
	.strictObject({
		unit: slug,
		test: z.enum(testTypes),
		section: text,
		mondai: text,
		/** A reading passage, notice or form, shown above the unit's items. */
		passage: z.strictObject({ title: text.optional(), ja: text }).optional(),
		/** A listening script, spoken by the device's ja-JP voice; shown only as a transcript in practice mode. */
		script: z.array(z.strictObject({ speaker: z.enum(['F', 'M', 'N']), ja: text })).min(1).optional(),
		items: z.array(testItem).min(1)
	})
	.superRefine((unit, ctx) => {
		const section = blueprints[unit.test].sections.find((s) => s.id === unit.section);
		if (!section) {
			ctx.addIssue({ code: 'custom', path: ['section'], message: `no section "${unit.section}" in ${unit.test}` });
			return;
		}
		if (!section.mondai.some((m) => m.id === unit.mondai)) {
			ctx.addIssue({ code: 'custom', path: ['mondai'], message: `no mondai "${unit.mondai}" in ${unit.test} ${unit.section}` });
		}
		if (section.listening && !unit.script) {
			ctx.addIssue({ code: 'custom', path: ['script'], message: 'a listening unit needs its script' });
		}
		if (!section.listening && unit.script) {
			ctx.addIssue({ code: 'custom', path: ['script'], message: 'only listening units have a script' });
		}
	});

export const testFile = z.array(testUnit).min(1);
export type TestUnit = z.infer<typeof testUnit>;
export type TestItem = z.infer<typeof testItem>;
