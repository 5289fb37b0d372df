import { describe, expect, test } from 'vitest';
import { runPreloaded } from '../helpers/preloaded-node.ts';

const preload = new URL('../../scripts/lib/direct-page-bodies.mjs', import.meta.url).href;

/** Runs `code` in a Node loaded as the build script loads Astro (`--import` of the module); what it prints, parsed. */
const runLoaded = (code: string) => runPreloaded(preload, code);

describe("Astro's page bytes taken from the body it gave its Response under npm run build (scripts/lib/direct-page-bodies.mjs)", () => {
  test('every kind of body gives the bytes it gives without the module, and the same as text()', () => {
    const answer = runLoaded(
      `const text = 'Les papiers — “réflexifs” ✓ 🧠\\n'.repeat(5000);
       const encoded = new TextEncoder().encode(text);
       const pooled = Buffer.from('a short body, from the pool');
       const bodies = {
         string: () => text,
         encoded: () => encoded,
         pooled: () => pooled,
         subarray: () => encoded.subarray(3, 20),
         arrayBuffer: () => encoded.buffer.slice(0),
         dataView: () => new DataView(encoded.buffer, 2, 10),
         blob: () => new Blob([text]),
         stream: () => new Blob([text]).stream(),
         empty: () => '',
       };
       const answer = {};
       for (const [kind, body] of Object.entries(bodies)) {
         const bytes = Buffer.from(await new Response(body()).arrayBuffer());
         const expected = Buffer.from(await new Response(body()).text());
         answer[kind] = bytes.equals(expected);
       }
       console.log(JSON.stringify(answer));`,
    );
    expect(Object.values(answer)).toHaveLength(9);
    expect(Object.entries(answer).filter(([, same]) => same !== true)).toEqual([]);
  });

  test("a page's freshly encoded bytes are handed back without a copy; a pooled buffer's are copied", () => {
    const answer = runLoaded(
      `const encoded = new TextEncoder().encode('<p>a page</p>'.repeat(1000));
       const pooled = Buffer.from('<p>a small page</p>');
       const fromEncoded = await new Response(encoded, { headers: { 'Content-Type': 'text/html' } }).arrayBuffer();
       const fromPooled = await new Response(pooled).arrayBuffer();
       console.log(JSON.stringify({ shared: fromEncoded === encoded.buffer, pooledSize: fromPooled.byteLength, pooledShared: fromPooled === pooled.buffer }));`,
    );
    expect(answer).toEqual({ shared: true, pooledSize: '<p>a small page</p>'.length, pooledShared: false });
  });

  test('Response is still the class responses are checked against, and a body counts as read once answered, as after any read', () => {
    const answer = runLoaded(
      `const made = new Response('x');
       const fetched = Response.json({ a: 1 });
       class Page extends Response {}
       const page = new Page('page');
       const first = await made.arrayBuffer();
       const again = await made.arrayBuffer().then(() => 'read', (error) => error.name);
       const used = new Response('y');
       await used.text();
       const afterText = await used.arrayBuffer().then(() => 'read', (error) => error.name);
       console.log(JSON.stringify({
         instance: made instanceof Response && fetched instanceof Response && page instanceof Response && page instanceof Page,
         pageBody: Buffer.from(await page.arrayBuffer()).toString(),
         first: Buffer.from(first).toString(),
         again,
         afterText,
       }));`,
    );
    expect(answer).toEqual({ instance: true, pageBody: 'page', first: 'x', again: 'TypeError', afterText: 'TypeError' });
  });
});
