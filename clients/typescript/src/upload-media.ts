/**
 * uploadMedia: announce the file (createMediaUpload, one Idempotency-Key for the whole upload),
 * PUT its bytes to the presigned URL with exactly the returned headers, then read it (getMedia)
 * until it is `ready`. A refused or failed PUT (an expired URL, say) announces again with the same
 * key, which answers the same media with a fresh URL, and PUTs once more.
 */
import { toCall } from './call.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { sleep } from './signals.js';
import type { ApiCall, Media, OperationMethods, UploadMediaArgs, WithResponse } from './types.js';

type MediaUploadBody = Parameters<OperationMethods['createMediaUpload']>[0]['body'];
const PUT_ATTEMPTS = 2;
const FIRST_POLL_MS = 100;
const LONGEST_POLL_MS = 2_000;

export function uploadMedia(
  api: OperationMethods,
  fetchFn: (url: string, init: RequestInit) => Promise<Response>,
): (args: UploadMediaArgs) => ApiCall<Media> {
  return (args) => toCall(run(api, fetchFn, args));
}

async function run(
  api: OperationMethods,
  fetchFn: (url: string, init: RequestInit) => Promise<Response>,
  {
    itemId,
    file,
    fileName,
    signal,
    idempotencyKey = newIdempotencyKey(),
    readyTimeoutMs = 60_000,
  }: UploadMediaArgs,
): Promise<WithResponse<Media>> {
  // The server checks the type against the ones it accepts (400 names them).
  const body = { contentType: file.type, size: file.size, fileName } as MediaUploadBody;
  let refused: unknown;
  let mediaId: string | undefined;
  for (let attempt = 0; attempt < PUT_ATTEMPTS && mediaId === undefined; attempt++) {
    const media = await api.createMediaUpload({ itemId, idempotencyKey, body, signal });
    // Browsers set Content-Length from the body themselves and refuse it as a header.
    const headers = Object.fromEntries(
      Object.entries(media.upload.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
    );
    const put = await fetchFn(media.upload.url, { method: 'PUT', headers, body: file, signal }).catch(
      (error: unknown) => error,
    );
    if (put instanceof Response && put.ok) mediaId = media.id;
    else refused = put instanceof Response ? new Error(`the upload PUT answered ${put.status}`) : put;
  }
  if (mediaId === undefined) throw refused;
  const giveUpAt = Date.now() + readyTimeoutMs;
  for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, LONGEST_POLL_MS)) {
    const read = await api.getMedia({ itemId, mediaId, signal }).withResponse();
    if (read.data.status === 'ready') return read;
    if (Date.now() + wait > giveUpAt)
      throw new Error(`media ${mediaId} was not ready within ${readyTimeoutMs} ms`);
    await sleep(wait, signal);
  }
}
