import { BodyTooLargeError, UnauthenticatedError } from '../../../src/http/errors';
import { gatewayProblem, preflightAnswer, refusal } from '../../../src/local/gateway/gateway-answers';

const cors = { origins: ['https://app.example.com'] };
const allowed = 'https://app.example.com';

describe('gatewayProblem', () => {
  it('renders the catalog entry as problem+json a browser on an allowed origin can read', () => {
    const result = gatewayProblem(allowed, cors, 'gateway-timeout');

    expect(result.statusCode).toBe(504);
    expect(result.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'access-control-allow-origin': allowed,
    });
    expect(JSON.parse(result.body)).toMatchObject({ type: '/problems/gateway-timeout', status: 504 });
  });

  it('says the detail it is given, and a fresh instance each time', () => {
    const first = JSON.parse(gatewayProblem(undefined, cors, 'bad-request', 'Not a path.').body);
    const second = JSON.parse(gatewayProblem(undefined, cors, 'bad-request').body);

    expect(first).toMatchObject({ status: 400, detail: 'Not a path.' });
    expect(second.detail).not.toBe('Not a path.');
    expect(first.instance).not.toBe(second.instance);
  });

  it('gives another origin no CORS access', () => {
    const result = gatewayProblem('https://evil.example.com', cors, 'not-found');

    expect(result.headers?.['access-control-allow-origin']).toBeUndefined();
    expect(result.headers).toMatchObject({ vary: 'Origin' });
  });
});

describe('refusal', () => {
  it.each([
    ['a body too large', new BodyTooLargeError(10), 413, '/problems/body-too-large'],
    ['no credentials', new UnauthenticatedError(), 401, '/problems/unauthorized'],
  ])('answers %s as the function would, with CORS headers', (_case, error, status, type) => {
    const result = refusal(error, allowed, cors);

    expect(result.statusCode).toBe(status);
    expect(result.headers).toMatchObject({ 'access-control-allow-origin': allowed });
    expect(JSON.parse(result.body)).toMatchObject({ type, status });
  });
});

describe('preflightAnswer', () => {
  it("answers 204 with the resource's methods", () => {
    const result = preflightAnswer(cors, allowed, ['GET', 'PATCH']);

    expect(result).toMatchObject({ statusCode: 204, body: '' });
    expect(result.headers).toMatchObject({
      'access-control-allow-origin': allowed,
      'access-control-allow-methods': 'GET,PATCH,OPTIONS',
    });
  });
});
