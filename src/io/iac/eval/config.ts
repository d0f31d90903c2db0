/**
 * The blocks of a Terraform configuration, whichever form it came in: hcl2json writes every block
 * body as a list (and a file's values merged into lists of lists), Terraform JSON and cdk.tf.json
 * as objects. These read both.
 */

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The objects of a top-level key, however deeply hcl2json and the file merge nested them in lists. */
export function objects(v: unknown, out: Obj[] = []): Obj[] {
  if (Array.isArray(v)) for (const x of v) objects(x, out);
  else if (isObj(v)) out.push(v);
  return out;
}

/** The body of a block: the object itself, or the first object of hcl2json's list. */
export function body(v: unknown): Obj | undefined {
  if (Array.isArray(v)) return v.find(isObj);
  return isObj(v) ? v : undefined;
}

/** `name → body` of a labelled block kind (variable, output, module). */
export function labelled(config: Obj, key: string): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const o of objects(config[key]))
    for (const [name, v] of Object.entries(o)) {
      const b = body(v);
      if (b && !out.has(name)) out.set(name, b);
    }
  return out;
}

/** `type.name → body` of resource (or data) blocks, in the order written. */
export function typedBlocks(config: Obj, key: string): Array<{ type: string; name: string; body: Obj }> {
  const out: Array<{ type: string; name: string; body: Obj }> = [];
  for (const o of objects(config[key]))
    for (const [type, named] of Object.entries(o)) {
      if (!isObj(named)) continue;
      for (const [name, v] of Object.entries(named)) {
        const b = body(v);
        if (b) out.push({ type, name, body: b });
      }
    }
  return out;
}

/** Every `locals` attribute: name → its expression. */
export function localsOf(config: Obj): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const o of objects(config.locals)) for (const [k, v] of Object.entries(o)) if (!out.has(k)) out.set(k, v);
  return out;
}
