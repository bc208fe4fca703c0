/**
 * What happens to a request answered before its body was read (refused for its target, its mount
 * or its size): the rest of the body is dropped as it arrives, and the connection closes once the
 * client has had time to read the answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a refused request's unread body is drained (and dropped) so the client can read the answer. */
const LINGER_MS = 2_000;

/**
 * For an answer sent before the body was read: what is still arriving is discarded, not held, and
 * a connection still sending after `lingerMs` is closed (a lingering close, as nginx does, so the
 * client reads the refusal instead of a reset).
 */
export function refuseUnread(request: IncomingMessage, response: ServerResponse, lingerMs = LINGER_MS): void {
  response.once('finish', () => {
    if (request.complete) return;
    const timer = setTimeout(() => request.socket.destroy(), lingerMs);
    const done = () => clearTimeout(timer);
    request.once('end', done);
    request.socket.once('close', done);
    request.resume();
  });
}
