/** Why a body was not read: too large (413) or too slow (408). */
export type BodyRefusal = { status: 413 | 408; description: string };

/**
 * Reads a request body as text, at most `maxBytes` of it and within `timeout` milliseconds. A body
 * that declares a larger `Content-Length` is refused before a byte is read; one that grows past the
 * limit, or arrives too slowly, is cancelled there, so no more of it is ever read or kept.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9
 */
export async function readBody(request: Request, maxBytes: number, timeout: number): Promise<string | BodyRefusal> {
  const tooLarge: BodyRefusal = { status: 413, description: `the body is larger than ${maxBytes} bytes` };
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return tooLarge;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<BodyRefusal>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 408, description: `the body did not arrive within ${timeout} ms` }),
      timeout,
    );
  });
  const read = async (): Promise<string | BodyRefusal> => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return new TextDecoder().decode(concat(chunks, size));
      size += value.byteLength;
      if (size > maxBytes) return tooLarge;
      chunks.push(value);
    }
  };
  try {
    const result = await Promise.race([read(), late]);
    if (typeof result !== 'string') reader.cancel().catch(() => undefined);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
