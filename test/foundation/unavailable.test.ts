import { isDatabaseUnavailable } from '../../src/db/connect';

describe('telling an outage from a bug', () => {
  it.each([
    Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }),
    Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    Object.assign(new Error('connection 14 to 127.0.0.1:27555 closed'), {
      name: 'MongoNetworkError',
    }),
    Object.assign(new Error('Server selection timed out after 3000 ms'), {
      name: 'MongoServerSelectionError',
    }),
    Object.assign(new Error('wrapped'), {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    }),
  ])('%s is an outage', (err) => expect(isDatabaseUnavailable(err)).toBe(true));

  it.each([
    new TypeError("Cannot read properties of undefined (reading 'x')"),
    new Error('E11000 duplicate key'),
  ])('%s is a bug or a data error', (err) => expect(isDatabaseUnavailable(err)).toBe(false));
});
