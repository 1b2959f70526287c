import { type Dispatch, type SetStateAction, useState } from 'react';

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => same(x, b[i])) : Object.is(a, b);

// The fields of `next` that differ from what the server says: what the person has changed.
export function editsOf<V extends object>(server: V, next: V): Partial<V> {
  const edits: Partial<V> = {};
  for (const key of Object.keys(next) as (keyof V)[]) if (!same(next[key], server[key])) edits[key] = next[key];
  return edits;
}

// The part of a request body whose form fields were changed. A body field comes from the form field of its own
// name, or from the fields `sources` names for it (one value typed as two fields, a text under a checkbox).
export function changedPart<B extends object, V extends object>(
  body: B,
  edits: Partial<V>,
  sources: { [K in keyof B]?: (keyof V)[] } = {},
): Partial<B> {
  const part: Partial<B> = {};
  for (const key of Object.keys(body) as (keyof B)[]) {
    const fields = sources[key] ?? [key as unknown as keyof V];
    if (fields.some((field) => field in edits)) part[key] = body[key];
  }
  return part;
}

// A form that changes something the server keeps (a profile, settings), over what the server last said. A field the
// person has not changed follows the server, so a change saved meanwhile in another tab shows on the next read
// (coming back to the tab reads again). A changed field keeps what was typed. `changedPart` gives the save only the
// changed fields, so a save here leaves another tab's changes to other fields alone.
export function useServerDraft<V extends object>(server: V) {
  const [edits, setEdits] = useState<Partial<V>>({});
  const setValues: Dispatch<SetStateAction<V>> = (next) =>
    setEdits((earlier) => editsOf(server, typeof next === 'function' ? next({ ...server, ...earlier }) : next));
  return {
    values: { ...server, ...edits },
    setValues,
    changedPart: <B extends object>(body: B, sources?: { [K in keyof B]?: (keyof V)[] }) =>
      changedPart(body, edits, sources),
    // After a save: every field follows the server again.
    reset: () => setEdits({}),
  };
}
