import { z } from 'zod';
import type { ReportParamField } from '../../../shared/contract/reports';

// A report's parameter form is read off its zod schema, so the form and the parser cannot disagree: an enum
// becomes a select with its values, a boolean a checkbox, a number a number box, a field with a default or
// .optional() is not required. What the schema's type cannot say (a string that is a date, or a grid picked
// from the list) it says with paramInput().

export type ParamInput = ReportParamField['type'];

const inputs = z.registry<{ input: ParamInput; reference?: string }>();

/** Marks a parameter's form field: `paramInput(isoDate, 'date')`, `paramInput(optionalText, 'grid')`. */
export function paramInput<T extends z.ZodType>(schema: T, input: ParamInput): T {
  const marked = schema.clone() as T;
  inputs.add(marked, { input });
  return marked;
}

/**
 * Marks a parameter as the id of a record of some area, so the form offers a searchable list of those
 * records instead of a box to type an id in: `paramReference(meetingId, 'council.meeting')`. The report
 * centre knows how to list each kind (features/reports/reference-sources.ts); the parser still checks the id.
 */
export function paramReference<T extends z.ZodType>(schema: T, reference: string): T {
  const marked = schema.clone() as T;
  inputs.add(marked, { input: 'reference', reference });
  return marked;
}

interface Seen {
  input?: ParamInput;
  reference?: string;
  required: boolean;
  defaultValue?: unknown;
  core: z.core.$ZodType;
}

/** Looks through optional, default, nullable and preprocess/transform wrappers to the value's own type. */
function unwrap(schema: z.core.$ZodType): Seen {
  const seen: Seen = { required: true, core: schema };
  let node: z.core.$ZodType | undefined = schema;
  for (let depth = 0; node && depth < 12; depth++) {
    const mark = inputs.get(node as z.ZodType);
    if (mark && !seen.input) {
      seen.input = mark.input;
      seen.reference = mark.reference;
    }
    const def = node._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    switch (def.type) {
      case 'optional':
      case 'nullable':
        seen.required = false;
        node = def.innerType as z.core.$ZodType;
        continue;
      case 'default':
      case 'prefault':
        seen.required = false;
        seen.defaultValue ??= typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
        node = def.innerType as z.core.$ZodType;
        continue;
      case 'catch':
      case 'readonly':
        node = def.innerType as z.core.$ZodType;
        continue;
      case 'pipe': {
        // z.preprocess(fn, inner) is a pipe from a transform into inner; .transform() a pipe into a transform.
        const from = def.in as z.core.$ZodType;
        const to = def.out as z.core.$ZodType;
        node = to._zod.def.type === 'transform' ? from : to;
        continue;
      }
      default:
        seen.core = node;
        return seen;
    }
  }
  return seen;
}

function fieldOf(name: string, schema: z.core.$ZodType): ReportParamField {
  const seen = unwrap(schema);
  const def = seen.core._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  // An optional value the schema turns '' into undefined for is optional in the form too.
  if (seen.core._zod.optin === 'optional') seen.required = false;
  const field: ReportParamField = { name, type: 'text', required: seen.required };
  if (seen.input) field.type = seen.input;
  if (seen.reference) field.reference = seen.reference;
  else if (def.type === 'enum') field.type = 'select';
  else if (def.type === 'boolean') field.type = 'boolean';
  else if (def.type === 'number') field.type = 'number';
  if (def.type === 'enum') field.options = Object.values(def.entries as Record<string, string>).map((v) => ({ value: String(v), label: String(v) }));
  const d = seen.defaultValue;
  if (typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean') field.defaultValue = d;
  return field;
}

/** The form fields of an object schema (refinements on the object are kept by zod 4 as checks on it). */
export function paramFieldsOf(schema: z.ZodType): ReportParamField[] {
  const root = unwrap(schema).core;
  const def = root._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (def.type !== 'object') throw new Error('A report takes its parameters as a zod object');
  return Object.entries(def.shape as Record<string, z.core.$ZodType>).map(([name, s]) => fieldOf(name, s));
}
