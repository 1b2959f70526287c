// A multipart body for the generated client: the parts in the order given (put the file last: the server reads the
// fields before the bytes), an undefined part left out. The document types a binary part as a string; the
// browser sends the File as it is.
type Part = string | number | File | undefined;
type AsDocumented<T> = { [K in keyof T]: T[K] extends File ? string : T[K] };

export function multipart<T extends Record<string, Part>>(parts: T) {
  return {
    body: parts as unknown as AsDocumented<T>,
    bodySerializer: () => {
      const form = new FormData();
      for (const [name, value] of Object.entries(parts)) {
        if (value !== undefined) form.append(name, value instanceof File ? value : String(value));
      }
      return form;
    },
  };
}
