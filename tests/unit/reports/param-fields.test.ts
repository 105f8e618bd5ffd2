import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { paramFieldsOf, paramInput, paramReference } from '../../../src/main/core/reports/param-fields';
import { findReport } from '../../../src/main/core/reports/catalogue';

describe('report parameters read off their zod schema', () => {
  it('turns enums into selects, booleans into checkboxes, numbers into number boxes; defaults and optionals are not required', () => {
    const blank = (v: unknown) => (v === '' ? undefined : v);
    const fields = paramFieldsOf(
      z
        .object({
          from: paramInput(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), 'date'),
          month: z.enum(['this', 'next']).default('this'),
          withinDays: z.coerce.number().int().min(1).default(60),
          full: z.preprocess((v) => v === 'true' || v === true, z.boolean()).default(false),
          grid: paramInput(z.preprocess(blank, z.string().optional()), 'grid'),
          name: z.string().min(1),
        })
        .refine((p) => p.from !== '', { path: ['from'] }),
    );
    expect(fields).toEqual([
      { name: 'from', type: 'date', required: true },
      {
        name: 'month',
        type: 'select',
        required: false,
        options: [
          { value: 'this', label: 'this' },
          { value: 'next', label: 'next' },
        ],
        defaultValue: 'this',
      },
      { name: 'withinDays', type: 'number', required: false, defaultValue: 60 },
      { name: 'full', type: 'boolean', required: false, defaultValue: false },
      { name: 'grid', type: 'grid', required: false },
      { name: 'name', type: 'text', required: true },
    ]);
  });

  it('gives the register the list pickers for grid, building and tag', () => {
    const fields = findReport('residents.register')!.paramFields;
    expect(fields.filter((f) => ['grid', 'building', 'tag'].includes(f.name)).map((f) => f.type)).toEqual(['grid', 'building', 'tag']);
    expect(fields.find((f) => f.name === 'archived')).toMatchObject({ type: 'select', required: false, defaultValue: 'active' });
    const statuses = [{ value: '户籍' }, { value: '居住证' }, { value: '流动人口' }];
    expect(fields.find((f) => f.name === 'status')).toMatchObject({ type: 'select', required: false, options: statuses });
    expect(findReport('audit')!.paramFields).toEqual([
      { name: 'from', type: 'date', required: true },
      { name: 'to', type: 'date', required: true },
    ]);
  });

  it('marks a parameter that is some area’s record as a reference of its kind, the council’s documents a meeting', () => {
    const fields = paramFieldsOf(z.object({ meeting: paramReference(z.string().min(1), 'council.meeting'), note: z.string().optional() }));
    expect(fields).toEqual([
      { name: 'meeting', type: 'reference', reference: 'council.meeting', required: true },
      { name: 'note', type: 'text', required: false },
    ]);
    for (const name of ['council_minutes', 'council_notice', 'council_attendance', 'council_ballots', 'council_results'])
      expect(
        findReport(name)?.paramFields.find((f) => f.name === 'meeting'),
        name,
      ).toEqual({ name: 'meeting', type: 'reference', reference: 'council.meeting', required: true });
  });

  it('refuses bad parameters with each field named', () => {
    const refused = expect.objectContaining({ code: 'contract.invalid_input', fields: { to: 'contract.date_range' } });
    expect(() => findReport('audit')!.prepare({ from: '2026-11-02', to: '2026-11-01' })).toThrow(refused);
  });
});
