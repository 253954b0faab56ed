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
