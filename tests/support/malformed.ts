// Inputs that no procedure may accept: built from a valid input by adding an
// unknown key, breaking an id, polluting the prototype, or replacing the whole
// input with something that is not an input at all.
import fc from 'fast-check';

const junk = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '../../etc/passwd',
    '\u0000',
    '💥'.repeat(100),
  ),
);

export function malformedInputs(valid: unknown): fc.Arbitrary<string> {
  const base = valid && typeof valid === 'object' ? (valid as Record<string, unknown>) : {};
  const idKeys = Object.keys(base).filter((key) => key.endsWith('Id') || key === 'token');
  const variants: Array<fc.Arbitrary<unknown>> = [
    // An unknown key: strict objects refuse it (mass assignment).
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !(key in base)),
        junk,
      )
      .map(([key, value]) => ({ ...base, [key]: value })),
    fc
      .constantFrom('role', 'version', 'createdById', 'passwordHash', 'isAdmin', 'workspaceId')
      .filter((key) => !(key in base))
      .map((key) => ({
        ...base,
        [key]: key === 'workspaceId' ? '00000000-0000-7000-8000-000000000000' : 'OWNER',
      })),
    // Not an object at all.
    fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(junk, { maxLength: 3 }),
    ),
  ];
  if (idKeys.length > 0) {
    variants.push(
      fc
        .tuple(
          fc.constantFrom(...idKeys),
          junk.filter((v) => typeof v !== 'string' || !/^[0-9a-f-]{36}$/.test(v)),
        )
        .map(([key, value]) => ({ ...base, [key]: value })),
    );
  }
  return fc.oneof(
    ...variants.map((variant) => variant.map((value) => JSON.stringify(value))),
    // Prototype pollution, which JSON.stringify cannot produce.
    fc.constant(
      `{"__proto__":{"role":"OWNER"},${JSON.stringify(base).slice(1)}`.replace(',}', '}'),
    ),
  );
}

/** Values no database column or float may choke on: each is refused with a
 * 4xx or stored so that every later read still answers. */
function deeplyNested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

export const HOSTILE_VALUES: readonly unknown[] = [
  // NUL and other control characters, which Postgres text refuses.
  '\u0000',
  'a\u0000b',
  'bell\u0007',
  // Dates Postgres or JavaScript cannot hold, and ones only one of them can.
  '0000-01-01',
  '-271821-04-20',
  '+275760-09-13T00:00:00.000Z',
  '0000-01-01T00:00:00Z',
  8.64e15,
  -8.64e15,
  // Numbers at the edge of a double.
  5e-324,
  1.7e308,
  -1.7e308,
  2 ** 53 + 2,
  // Cursors that decode to nothing, or to the wrong thing.
  'zzz',
  'eyJrIjoidCJ9',
  // Huge and deep.
  'x'.repeat(100_000),
  deeplyNested(2_000),
  Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`k${index}`, index])),
];

type ZodLike = {
  _zod?: { def?: { type?: string; shape?: Record<string, unknown> } & Record<string, unknown> };
};

/** The field names of a procedure's input object (through optional, default, pipe, …). */
export function inputFieldNames(schema: unknown): string[] {
  let current = schema as ZodLike | undefined;
  for (let depth = 0; depth < 10 && current?._zod?.def; depth++) {
    const def = current._zod.def;
    if (def.type === 'object') return Object.keys(def.shape ?? {});
    current = (def.innerType ?? def.in ?? def.schema) as ZodLike | undefined;
  }
  return [];
}

/** A valid envelope with one hostile value in one field, for every field and value. */
export function hostileFieldInputs(schema: unknown, valid: unknown): string[] {
  const base = valid && typeof valid === 'object' ? (valid as Record<string, unknown>) : {};
  const fields = [...new Set([...inputFieldNames(schema), ...Object.keys(base)])];
  return fields.flatMap((field) =>
    HOSTILE_VALUES.map((value) => JSON.stringify({ ...base, [field]: value })),
  );
}
