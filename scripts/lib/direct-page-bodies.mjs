/**
 * Loaded into the Astro that `npm run build` starts (`node --import`, scripts/build.ts), beside
 * sync-page-writes.mjs: Astro gets each page's and endpoint's bytes from the body it gave its `Response`, not by
 * reading that body back through a stream.
 *
 * Astro renders a static page to a string, encodes it, wraps it in a `Response`, then writes
 * `Buffer.from(await response.arrayBuffer())`; an endpoint (the survey's exports, feeds, llms.txt) returns a
 * `Response` of a string. Node's `arrayBuffer()` reads the body as a stream: a string is encoded there, and the bytes
 * are copied into a chunk, joined with the other chunks, and copied again into the buffer it returns. For 10,000
 * papers that is 210 MB of pages and 150 MB of exports and feeds passed through twice more than needed, most of it
 * in buffers too large for the young generation: a profile of a rebuild put 0.8 s of the exports' 3 s there.
 *
 * So the first `arrayBuffer()` of a `Response` made from a string or from bytes answers with those bytes: a string
 * is encoded once; bytes (a `Uint8Array` as Astro passes, or an `ArrayBuffer`) are handed back without a copy when
 * they fill their buffer, as Astro's freshly encoded pages do, and copied once otherwise. Anything else (a stream, a
 * `Blob`, a body already read) goes the usual way, and a body answered directly counts as read. `Response` itself is
 * left as it is, for everything that checks `instanceof Response` (a Proxy only notes the bodies it is constructed
 * with).
 *
 * Only the build's Astro loads this: it has no effect on the site, only on how fast it is written. Plain JavaScript,
 * as Node loads it before Astro.
 */

/** The body each `Response` was constructed with, while it can still be answered directly. */
const bodies = new WeakMap();

const NativeResponse = globalThis.Response;
const readArrayBuffer = NativeResponse.prototype.arrayBuffer;

globalThis.Response = new Proxy(NativeResponse, {
  construct(target, args, newTarget) {
    const response = Reflect.construct(target, args, newTarget);
    const [body] = args;
    if (typeof body === 'string' || ArrayBuffer.isView(body) || body instanceof ArrayBuffer) bodies.set(response, body);
    return response;
  },
});

NativeResponse.prototype.arrayBuffer = function arrayBufferOfBody() {
  const body = bodies.get(this);
  if (body === undefined || this.bodyUsed) return readArrayBuffer.call(this);
  bodies.delete(this);
  // The stream is cancelled unread, so the body counts as used, as after any read: a second read fails as it would.
  void this.body?.cancel();
  return Promise.resolve(bytesOf(body));
};

/** The body's bytes as one `ArrayBuffer`. */
function bytesOf(body) {
  if (body instanceof ArrayBuffer) return body;
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
}
